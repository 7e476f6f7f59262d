/**
 * The queue dashboard (Bull Board) at /admin/queues: the planning jobs, their state, errors and
 * a retry button. The queue holds every organisation's jobs (their ids and data name the
 * organisation and day) and Bull Board cannot show a part of it, so it is an installation's
 * page, not an organisation's (issue #7, D26): the auth layer admits signed-in ADMINs
 * (adminPagesOnly), and this router then lets in only the installation's administrators —
 * the logins in INSTALLATION_ADMINS, or, while that is unset, the ADMIN of an installation that
 * holds exactly one organisation (the small gmina on a laptop needs no setting). Anyone else is
 * answered 404, as for any route they may not use.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Db } from '../../db/client.js';
import { notFoundEndpoint } from '../../auth/authorise.js';
import { createPlanQueue } from '../../queue/plan-queue.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboardDeps {
  readonly redis: Redis;
  readonly queuePrefix: string;
  readonly db: Db;
  /** Lower-case logins of the installation's administrators (env INSTALLATION_ADMINS); empty: see below. */
  readonly installationAdmins?: readonly string[] | undefined;
}

/**
 * Pure: may this signed-in ADMIN open the dashboard? With a list, only the listed logins; without
 * one, only while the installation holds exactly one organisation (then every job is its own).
 */
export function mayOpenQueueDashboard(login: string | null, installationAdmins: readonly string[], organisations: number): boolean {
  if (installationAdmins.length > 0) return login !== null && installationAdmins.includes(login.toLowerCase());
  return organisations === 1;
}

/** Runs after adminPagesOnly (req.ctx is a signed-in ADMIN). */
export function installationAdminsOnly(deps: QueueDashboardDeps): RequestHandler {
  return async (req, _res, next) => {
    // Read per request: cheap, and a test may name its administrator after making the account.
    const admins = (deps.installationAdmins ?? []).map((l) => l.toLowerCase());
    const userId = req.ctx?.userId;
    const user = userId ? await deps.db.user.findUnique({ where: { id: userId }, select: { login: true, active: true } }) : null;
    // Counted only without a list: a second centre added later closes the page at once.
    const organisations = admins.length > 0 ? 0 : await deps.db.organisation.count();
    if (!user?.active || !mayOpenQueueDashboard(user.login, admins, organisations)) throw notFoundEndpoint();
    next();
  };
}

export function queueDashboardRoutes(deps: QueueDashboardDeps): Router {
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_DASHBOARD_PATH);
  // attempts only matter for adding jobs, which the dashboard does not do (it retries existing ones).
  const queue = createPlanQueue(deps.redis, deps.queuePrefix, 1);
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter: server, options: { uiConfig: { boardTitle: 'Dowóz — kolejka planowania' } } });
  const r = Router();
  r.use(installationAdminsOnly(deps));
  r.use(server.getRouter() as Router);
  return r;
}
