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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Optimiser budget for one day's plan. */
  PLAN_TIME_LIMIT_SEC: z.coerce.number().min(0.1).max(3600).default(10),
  /** Optional iteration cap (whichever of time and iterations comes first); makes plans repeatable. */
  PLAN_MAX_ITERATIONS: z.coerce.number().int().min(1).optional(),
  /** A dead worker's job is retried elsewhere after this long. */
  PLAN_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  PLAN_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /**
   * Organisation used when a request names none (X-Organisation header). Until accounts exist
   * (issue #7) this is how a one-gmina installation works; unset in a multi-centre one.
   */
  DEFAULT_ORGANISATION: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().regex(/^[a-z0-9-]+$/, 'an organisation slug: lowercase letters, digits and -').optional(),
  ),
});

export type Config = z.infer<typeof ConfigSchema>;

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
