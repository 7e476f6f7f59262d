import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { BookRideSchema, CancelRideSchema, RideListQuerySchema, TurnDownRideSchema } from '../../domain/booking/ride.schema.js';
import { bookRide } from '../../domain/booking/book-ride.js';
import { approveRide, cancelRide, getRideWithHistory, listClientRides, listRides, turnDownRide } from '../../domain/booking/manage-rides.js';
import { ApprovalDaysQuerySchema, ApprovalDecisionsQuerySchema } from '../../domain/booking/approval.schema.js';
import { listApprovalDays, listApprovalDecisions } from '../../domain/booking/approval-decisions.js';
import { ProviderConfirmationSchema } from '../../domain/provider/provider.schema.js';
import { confirmProviderRide } from '../../domain/provider/provider-rides.js';
import { changeRide } from '../../domain/booking/change-ride.js';
import { ChangeRideSchema } from '../../domain/booking/change-ride.schema.js';
import { ctxOf } from '../organisation-context.js';
import { idempotencyOf, parseBody, parseId, parseQuery } from '../parse.js';

export function ridesRoutes(deps: DomainDeps): Router {
  const r = Router();
  /**
   * A day's rides with their status: GET /rides?date=YYYY-MM-DD[&status=…]; or one client's over
   * a period of at most 366 days: GET /rides?clientId=…&from=YYYY-MM-DD&to=YYYY-MM-DD[&status=…].
   */
  r.get('/', async (req, res) => {
    const q = parseQuery(RideListQuerySchema, req);
    if (q.date !== undefined) {
      res.json({ date: q.date, items: await listRides(deps, ctxOf(req), q.date, q.status) });
      return;
    }
    // The schema guarantees clientId, from and to when there is no date.
    const period = { from: q.from!, to: q.to! };
    res.json({ clientId: q.clientId, ...period, items: await listClientRides(deps, ctxOf(req), q.clientId!, period, q.status) });
  });
  /** Book; with an Idempotency-Key header, the same booking sent twice is made once. */
  r.post('/', async (req, res) => {
    const input = parseBody(BookRideSchema, req);
    const { replayed, ...booking } = await bookRide(deps, ctxOf(req), input, idempotencyOf(req));
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json(booking);
  });
  // Mounted before /:id, which would take the word for an id.
  /** The caller's rides leaving the gmina: awaiting a decision, and decided lately (with who and why). */
  r.get('/approval-decisions', async (req, res) => {
    res.json(await listApprovalDecisions(deps, ctxOf(req), parseQuery(ApprovalDecisionsQuerySchema, req)));
  });
  /** The days from today on with rides awaiting approval, and how many: the board points to them. */
  r.get('/approval-days', async (req, res) => {
    res.json(await listApprovalDays(deps, ctxOf(req), parseQuery(ApprovalDaysQuerySchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getRideWithHistory(deps, ctxOf(req), parseId(req)));
  });
  /** Rides leaving the gmina wait for a dispatcher: approve, or turn down with a reason. */
  r.post('/:id/approve', async (req, res) => {
    res.json(await approveRide(deps, ctxOf(req), parseId(req)));
  });
  r.post('/:id/turn-down', async (req, res) => {
    const id = parseId(req);
    res.json(await turnDownRide(deps, ctxOf(req), id, parseBody(TurnDownRideSchema, req).reason));
  });
  /** Changes a booked ride's time, needs or note (D63); places stay: another place is another ride. */
  r.patch('/:id', async (req, res) => {
    const id = parseId(req);
    res.json(await changeRide(deps, ctxOf(req), id, parseBody(ChangeRideSchema, req)));
  });
  r.post('/:id/cancel', async (req, res) => {
    const id = parseId(req);
    res.json(await cancelRide(deps, ctxOf(req), id, parseBody(CancelRideSchema, req).reason));
  });
  /** A provider confirms a ride on its vehicle: outcome, km, fee collected (issue #5). */
  r.post('/:id/provider-confirmation', async (req, res) => {
    const id = parseId(req);
    res.status(201).json(await confirmProviderRide(deps, ctxOf(req), id, parseBody(ProviderConfirmationSchema, req)));
  });
  return r;
}
