/** Builds the express app from its dependencies; listening is server.ts's job (tests use the app in process). */
import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { PlanJobPayload } from '../domain/plan/plan.schema.js';
import { AppError } from '../errors.js';
import { errorHandler } from './error-handler.js';
import { organisationContext } from './organisation-context.js';
import { placesRoutes } from './routes/places.routes.js';
import { clientsRoutes } from './routes/clients.routes.js';
import { vehiclesRoutes } from './routes/vehicles.routes.js';
import { ridesRoutes } from './routes/rides.routes.js';
import { recurringRidesRoutes } from './routes/recurring-rides.routes.js';
import { plansRoutes } from './routes/plans.routes.js';
import { manifestsRoutes } from './routes/manifests.routes.js';
import { stopEventsRoutes } from './routes/stop-events.routes.js';
import { reportsRoutes } from './routes/reports.routes.js';
import { organisationRoutes } from './routes/organisation.routes.js';
import { addressPointsRoutes } from './routes/address-points.routes.js';
import { importsRoutes } from './routes/imports.routes.js';
import { planEventsRoutes } from './routes/plan-events.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { webRoutes } from './routes/web.routes.js';
import { buildOpenApiDocument, renderApiReference } from './openapi.js';

export interface AppDeps {
  readonly db: Db;
  readonly redis: Redis;
  readonly log: Logger;
  readonly enqueuePlan: (payload: PlanJobPayload) => Promise<void>;
  readonly now: () => Date;
  readonly defaultOrganisation?: string | undefined;
  /** The planning queue's Redis and key prefix: GET /plans/:id/events reads its job events. */
  readonly redisUrl?: string | undefined;
  readonly queuePrefix?: string | undefined;
  /** The web app's map tiles (env MAP_TILE_URL); default OpenStreetMap's. */
  readonly mapTileUrl?: string | undefined;
}

/** The resource routers under /api/v1; the OpenAPI test walks this same list. */
export function resourceRouters(deps: AppDeps): [string, Router][] {
  return [
    ['/places', placesRoutes(deps)],
    ['/clients', clientsRoutes(deps)],
    ['/vehicles', vehiclesRoutes(deps)],
    ['/rides', ridesRoutes(deps)],
    ['/recurring-rides', recurringRidesRoutes(deps)],
    ['/plans', plansRoutes(deps)],
    ['/plans', planEventsRoutes(deps)],
    ['/manifests', manifestsRoutes(deps)],
    ['/manifests', stopEventsRoutes(deps)],
    ['/reports', reportsRoutes(deps)],
    ['/organisation', organisationRoutes(deps)],
    ['/address-points', addressPointsRoutes(deps)],
    ['/imports', importsRoutes(deps)],
  ];
}

export function buildApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
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

  const api = express.Router();
  const openApi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.get('/docs', (_req, res) => {
    res.type('html').send(renderApiReference(openApi));
  });
  api.use(organisationContext(deps.db, deps.defaultOrganisation));
  for (const [prefix, router] of resourceRouters(deps)) api.use(prefix, router);
  app.use('/api/v1', api);

  app.use(() => {
    throw new AppError('NOT_FOUND', 'Nie ma takiego adresu', { messageEn: 'No such endpoint' });
  });
  app.use(errorHandler);
  return app;
}
