/**
 * Configuration from environment variables, validated once at start. A bad value stops the
 * process with a message naming the variable. Defaults work on a development machine with local
 * PostgreSQL and Redis; there are no default secrets.
 */
import { z } from 'zod';

/** An unset or empty variable means "not configured". */
const optionalUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
    .default('postgresql://postgres@127.0.0.1:5432/dowoz'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key, so several installations (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').default('dowoz'),
  /** OSRM v5 server; unset = the built-in estimate, and plans say so. */
  OSRM_URL: optionalUrl,
  OSRM_PROFILE: z.string().regex(/^[a-z-]+$/).default('driving'),
  /**
   * Version of the road data loaded into OSRM (e.g. the extract's date). Cached matrix cells are
   * kept per version, so new road data starts a fresh cache.
   */
  OSRM_DATA_VERSION: z.string().regex(/^[\w.:-]{1,64}$/, 'letters, digits and . : _ - only').default('1'),
  OSRM_CACHE_TTL_SEC: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  OSRM_MAX_TABLE_SIZE: z.coerce.number().int().min(2).max(100_000).default(100),
  /** A place OSRM moves further than this to reach a road is treated as unroutable. */
  MAX_SNAP_DISTANCE_M: z.coerce.number().positive().default(2000),
  ESTIMATE_SPEED_KMH: z.coerce.number().min(5).max(130).default(50),
  ESTIMATE_DETOUR_FACTOR: z.coerce.number().min(1).max(3).default(1.3),
  /** Map tiles for the web app ({z}/{x}/{y} template); the pages stay usable when tiles fail. */
  MAP_TILE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'a tile URL template with {z}, {x} and {y}').optional(),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /**
   * Behind a reverse proxy (TLS): express's `trust proxy` — `loopback`, a number of hops, or
   * addresses. Then the client's address (audit log, login throttling) and https (the Secure
   * session cookie) come from X-Forwarded-*. Unset: nothing is trusted.
   */
  TRUST_PROXY: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().max(200).optional()),
  /**
   * Logins (comma-separated) of the installation's administrators: only they open the queue
   * dashboard, which shows every organisation's jobs. Unset: the ADMIN of an installation with
   * exactly one organisation does (docs/DECISIONS.md D26).
   */
  INSTALLATION_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The most the optimiser may search for one day's plan; a day gets 0.1 s per ride up to it (D39). */
  PLAN_TIME_LIMIT_SEC: z.coerce.number().min(0.1).max(3600).default(60),
  /** The least it searches, however small the day (never more than PLAN_TIME_LIMIT_SEC). */
  PLAN_MIN_TIME_SEC: z.coerce.number().min(0.1).max(3600).default(2),
  /** Optional iteration cap (whichever of time and iterations comes first); makes plans repeatable. */
  PLAN_MAX_ITERATIONS: z.coerce.number().int().min(1).optional(),
  /** A dead worker's job is retried elsewhere after this long. */
  PLAN_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  PLAN_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /**
   * The organisation `npm run create-admin` acts on when --organisation is not given. Requests
   * never choose their organisation: it is the signed-in account's (docs/DECISIONS.md D12).
   */
  DEFAULT_ORGANISATION: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().regex(/^[a-z0-9-]+$/, 'an organisation slug: lowercase letters, digits and -').optional(),
  ),
  /**
   * How clients are told their pickup windows (issue #8): `log` (development: a log line, nothing
   * leaves the machine), `sms` (JSON POST to NOTIFY_SMS_URL with NOTIFY_SMS_TOKEN) or `email`
   * (SMTP at NOTIFY_SMTP_URL, from NOTIFY_EMAIL_FROM, to the caseworker's account e-mail).
   */
  NOTIFY_CHANNEL: z.enum(['log', 'sms', 'email']).default('log'),
  /** smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465. */
  NOTIFY_SMTP_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
      .refine((u) => {
        const url = new URL(u);
        return url.username !== '' && url.password !== '';
      }, 'must carry the credentials: smtp://user:password@host:port')
      .optional(),
  ),
  NOTIFY_EMAIL_FROM: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.email('must be an e-mail address').optional()),
  NOTIFY_SMS_URL: optionalUrl,
  NOTIFY_SMS_TOKEN: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().min(8, 'at least 8 characters').optional()),
  NOTIFY_SMS_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  /** Attempts per message before it is marked FAILED (retries back off from 30 s). */
  NOTIFY_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** When (Warsaw time) tomorrow's clients are told their pickup windows. */
  NOTIFY_EVENING_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM').default('18:00'),
  /**
   * Optional geocoder, asked only when the organisation's PRG address points give no match:
   * a Nominatim or Photon instance (GEOCODER_KIND says which API it speaks).
   */
  GEOCODER_URL: optionalUrl,
  GEOCODER_KIND: z.enum(['nominatim', 'photon']).default('nominatim'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(5_000),
}).superRefine((c, ctx) => {
  if (c.NOTIFY_CHANNEL === 'email') {
    if (!c.NOTIFY_SMTP_URL) ctx.addIssue({ code: 'custom', path: ['NOTIFY_SMTP_URL'], message: 'required when NOTIFY_CHANNEL=email' });
    if (!c.NOTIFY_EMAIL_FROM) ctx.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_FROM'], message: 'required when NOTIFY_CHANNEL=email' });
  }
  if (c.NOTIFY_CHANNEL !== 'sms') return;
  if (!c.NOTIFY_SMS_URL) ctx.addIssue({ code: 'custom', path: ['NOTIFY_SMS_URL'], message: 'required when NOTIFY_CHANNEL=sms' });
  if (!c.NOTIFY_SMS_TOKEN) ctx.addIssue({ code: 'custom', path: ['NOTIFY_SMS_TOKEN'], message: 'required when NOTIFY_CHANNEL=sms' });
});

export type Config = z.infer<typeof ConfigSchema>;

/**
 * Whom a pickup-window notification is addressed to, chosen when it is recorded (by the API's live
 * edits and the worker's re-plans alike): the caseworker's e-mail with the e-mail channel, else a phone.
 */
export function notifyRecipient(c: Pick<Config, 'NOTIFY_CHANNEL'>): 'phone' | 'email' {
  return c.NOTIFY_CHANNEL === 'email' ? 'email' : 'phone';
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return result.data;
}
