import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { listNotifications, listUnplacedToCall, NotificationListQuerySchema } from '../../domain/notification/list-notifications.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';

export function notificationsRoutes(deps: DomainDeps): Router {
  const r = Router();
  /**
   * GET /notifications?date=YYYY-MM-DD[&status=]: what clients of that day were told (issue #8),
   * and `unplaced`: the clients whose ride the day's plan leaves without a vehicle, to be phoned.
   */
  r.get('/', async (req, res) => {
    const query = parseQuery(NotificationListQuerySchema, req);
    const ctx = ctxOf(req);
    res.json({ date: query.date, items: await listNotifications(deps, ctx, query), unplaced: await listUnplacedToCall(deps, ctx, query.date) });
  });
  return r;
}
