/** Builds the express app from its dependencies; listening is server.ts's job (tests use the app in process). */
import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { PlanJobPayload } from '../domain/plan/plan.schema.js';
import { AppError } from '../errors.js';
import { errorHandler } from './error-handler.js';
import type { Geocoder } from '../domain/address/geocoder-client.js';
import { authenticate } from '../auth/authenticate.js';
import { adminPagesOnly } from '../auth/admin-pages.js';
import { authorise } from '../auth/authorise.js';
import { auditTrail } from '../auth/audit-trail.js';
import { bookingRateLimit } from '../auth/booking-rate-limit.js';
import type { RateLimit } from '../auth/rate-limit.js';
import { authRoutes } from './routes/auth.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { tokensRoutes } from './routes/tokens.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { clientDataRoutes } from './routes/client-data.routes.js';
import { dataProtectionRoutes } from './routes/data-protection.routes.js';
import { placesRoutes } from './routes/places.routes.js';
import { clientsRoutes } from './routes/clients.routes.js';
import { vehiclesRoutes } from './routes/vehicles.routes.js';
import { ridesRoutes } from './routes/rides.routes.js';
import { recurringRidesRoutes } from './routes/recurring-rides.routes.js';
import { plansRoutes } from './routes/plans.routes.js';
import { manifestsRoutes } from './routes/manifests.routes.js';
import { manifestPdfRoutes } from './routes/manifest-pdf.routes.js';
import { stopEventsRoutes } from './routes/stop-events.routes.js';
import { reportsRoutes } from './routes/reports.routes.js';
import { organisationRoutes } from './routes/organisation.routes.js';
import { addressPointsRoutes } from './routes/address-points.routes.js';
import { importsRoutes } from './routes/imports.routes.js';
import { notificationsRoutes } from './routes/notifications.routes.js';
import { providersRoutes } from './routes/providers.routes.js';
import { planEventsRoutes } from './routes/plan-events.routes.js';
import { livePlanRoutes } from './routes/live-plan.routes.js';
import { manifestChangesRoutes, planChangesRoutes } from './routes/plan-changes.routes.js';
import { createPlanChangeFeed, type PlanChangeFeed } from '../queue/plan-change-feed.js';
import type { TravelTimeProvider } from '../routing/types.js';
import { healthRoutes } from './routes/health.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { webRoutes } from './routes/web.routes.js';
import { QUEUE_DASHBOARD_PATH, queueDashboardRoutes } from './routes/queue-dashboard.routes.js';
import { buildOpenApiDocument, renderApiReference } from './openapi.js';

export interface AppDeps {
  readonly db: Db;
  readonly redis: Redis;
  readonly log: Logger;
  readonly enqueuePlan: (payload: PlanJobPayload) => Promise<void>;
  readonly now: () => Date;
  /** Travel times for live plan edits: the same provider (and Redis cell cache) the worker uses. */
  readonly travelTimes?: TravelTimeProvider | undefined;
  /** What notifications recorded by live-plan edits are addressed to (NOTIFY_CHANNEL; default phone). */
  readonly notifyBy?: 'phone' | 'email' | undefined;
  /** Bookings per caller and window (default src/auth/booking-rate-limit.ts). */
  readonly bookingRateLimit?: RateLimit | undefined;
  /** express's `trust proxy` (env TRUST_PROXY): which proxies' X-Forwarded-For/-Proto to believe. */
  readonly trustProxy?: string | undefined;
  /** The planning queue's Redis and key prefix: GET /plans/:id/events reads its job events. */
  readonly redisUrl?: string | undefined;
  readonly queuePrefix?: string | undefined;
  /** The web app's map tiles (env MAP_TILE_URL); default OpenStreetMap's. */
  readonly mapTileUrl?: string | undefined;
  /** The optional outside geocoder (env GEOCODER_URL), asked when PRG has no match. */
  readonly geocoder?: Geocoder | undefined;
  /** Logins that may open the queue dashboard (env INSTALLATION_ADMINS; D26). */
  readonly installationAdmins?: readonly string[] | undefined;
  /** Live plan change messages (Redis pub/sub, one subscriber per process); made from `redis` when absent. */
  readonly planChanges?: PlanChangeFeed | undefined;
}

/** The resource routers under /api/v1; the OpenAPI test walks this same list. */
export function resourceRouters(deps: AppDeps): [string, Router][] {
  // Every use case that edits the live plan or stores a driver's report publishes through it.
  const planChanges = deps.planChanges ?? createPlanChangeFeed({ redis: deps.redis, keyPrefix: deps.queuePrefix ?? 'dowoz', log: deps.log });
  const live = { ...deps, planChanges };
  return [
    ['/auth', authRoutes(live)],
    ['/users', usersRoutes(live)],
    ['/tokens', tokensRoutes(live)],
    ['/audit', auditRoutes(live)],
    ['/places', placesRoutes(live)],
    ['/clients', clientsRoutes(live)],
    ['/clients', clientDataRoutes(live)],
    ['/vehicles', vehiclesRoutes(live)],
    ['/rides', ridesRoutes(live)],
    ['/recurring-rides', recurringRidesRoutes(live)],
    ['/plans', plansRoutes(live)],
    ['/plans', planEventsRoutes(live)],
    ['/plans', livePlanRoutes(live)],
    ['/plans', planChangesRoutes(live)],
    ['/manifests', manifestPdfRoutes(live)],
    ['/manifests', manifestsRoutes(live)],
    ['/manifests', stopEventsRoutes(live)],
    ['/manifests', manifestChangesRoutes(live)],
    ['/reports', reportsRoutes(live)],
    ['/organisation', organisationRoutes(live)],
    ['/organisation', dataProtectionRoutes(live)],
    ['/address-points', addressPointsRoutes(live)],
    ['/imports', importsRoutes(live)],
    ['/notifications', notificationsRoutes(live)],
    ['/providers', providersRoutes(live)],
  ];
}

export function buildApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', /^\d+$/.test(deps.trustProxy) ? Number(deps.trustProxy) : deps.trustProxy);
  // Security headers. Map tiles come from a configurable https server; a laptop server on the
  // local network speaks plain http, so requests are not upgraded to https.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'https:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  // An official gmina boundary can be a few megabytes of GeoJSON; everything else stays small.
  app.use(['/api/v1/organisation/boundary', '/api/v1/organisation/county-boundary'], express.json({ limit: '20mb' }));
  app.use(express.json({ limit: '1mb' }));
  app.use(healthRoutes(deps));
  app.use(homeRoutes());
  app.use('/app', webRoutes({ mapTileUrl: deps.mapTileUrl }));
  // The planning queue's dashboard (Bull Board), for administrators.
  if (deps.queuePrefix) {
    const dashboard = { redis: deps.redis, queuePrefix: deps.queuePrefix, db: deps.db, installationAdmins: deps.installationAdmins };
    app.use(QUEUE_DASHBOARD_PATH, adminPagesOnly(deps), queueDashboardRoutes(dashboard));
  }

  const api = express.Router();
  const openApi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.get('/docs', (_req, res) => {
    res.type('html').send(renderApiReference(openApi));
  });
  // Who is calling, what they may call (one table, src/auth/permissions.ts), and the record of
  // every access to client data: in this order, for every route below.
  const keyPrefix = deps.queuePrefix ?? 'dowoz';
  api.use(authenticate(deps));
  api.use(authorise());
  api.use(bookingRateLimit(deps.redis, keyPrefix, deps.bookingRateLimit));
  api.use(auditTrail(deps));
  for (const [prefix, router] of resourceRouters(deps)) api.use(prefix, router);
  app.use('/api/v1', api);

  app.use(() => {
    throw new AppError('NOT_FOUND', 'Nie ma takiego adresu', { messageEn: 'No such endpoint' });
  });
  app.use(errorHandler);
  return app;
}
