import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { listNotifications, NotificationListQuerySchema } from '../../domain/notification/list-notifications.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';

export function notificationsRoutes(deps: DomainDeps): Router {
  const r = Router();
  /** GET /notifications?date=YYYY-MM-DD[&status=]: what clients of that day were told (issue #8). */
  r.get('/', async (req, res) => {
    const query = parseQuery(NotificationListQuerySchema, req);
    res.json({ date: query.date, items: await listNotifications(deps, ctxOf(req), query) });
  });
  return r;
}
