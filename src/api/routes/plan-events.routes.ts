/**
 * GET /plans/:id/events — a plan's progress as server-sent events, pushed from the worker through
 * BullMQ's queue events, so the day board's progress bar needs no polling loop (issue #6).
 *
 * Events, each `data` a JSON object:
 * - `status` {id, status, progress, error}: first (from the database row), and again when an attempt
 *   fails and the job waits for its retry;
 * - `progress` {id, progress}: as the worker reports it (0–100), so the plan is running;
 * - `done` or `failed` {id, status, progress, error, summary}: the last event; the stream then ends.
 * A comment line every 15 s keeps proxies from closing an idle stream.
 */
import { Router } from 'express';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DomainDeps } from '../../domain/deps.js';
import type { Logger } from '../../logger.js';
import type { PlanView } from '../../domain/plan/plan.schema.js';
import { getPlan } from '../../domain/plan/get-plan.js';
import { createRedis } from '../../queue/connection.js';
import { PLANNING_QUEUE, planJobId } from '../../queue/jobs.js';
import { ctxOf } from '../organisation-context.js';
import { parseId } from '../parse.js';
import { openEventStream, sendEvent } from '../server-sent-events.js';

export interface PlanEventsDeps extends DomainDeps {
  readonly redis: Redis;
  readonly log: Logger;
  /**
   * Where the planning queue lives. Each open stream reads the queue's events on a connection of
   * its own (BullMQ blocks on it). Without these the stream still starts from the database row
   * and notices the end at the next heartbeat.
   */
  readonly redisUrl?: string | undefined;
  readonly queuePrefix?: string | undefined;
}

export const PLAN_EVENTS_HEARTBEAT_MS = 15_000;

type PlanSnapshot = Pick<PlanView, 'id' | 'status' | 'progress' | 'error' | 'summary'>;

const snapshotOf = (p: PlanView): PlanSnapshot => ({ id: p.id, status: p.status, progress: p.progress, error: p.error, summary: p.summary });
const isFinal = (p: PlanSnapshot) => p.status === 'DONE' || p.status === 'FAILED';

/** The id of the newest entry in the queue's events stream ('0' when empty). */
async function newestEventId(redis: Redis, prefix: string): Promise<string> {
  const newest = await redis.xrevrange(`${prefix}:${PLANNING_QUEUE}:events`, '+', '-', 'COUNT', 1);
  return newest[0]?.[0] ?? '0';
}

export function planEventsRoutes(deps: PlanEventsDeps): Router {
  const r = Router();
  r.get('/:id/events', async (req, res) => {
    const id = parseId(req);
    const ctx = ctxOf(req);
    const queue = deps.redisUrl && deps.queuePrefix ? { url: deps.redisUrl, prefix: deps.queuePrefix } : null;
    // Taken before the row is read and replayed from: whatever the worker reports between the
    // read and the subscription still arrives (at worst twice, which the page shrugs off).
    const lastEventId = queue ? await newestEventId(deps.redis, queue.prefix) : undefined;
    const firstPlan = await getPlan(deps, ctx, id); // a 404 answers before the stream opens
    const first = snapshotOf(firstPlan);

    openEventStream(res);

    let closed = false;
    let queueEvents: QueueEvents | null = null;
    let connection: Redis | null = null;
    const heartbeat = setInterval(() => {
      res.write(': heartbeat\n\n');
      // Also a safety net: a stream that missed the end (Redis hiccup) ends within one beat.
      refresh();
    }, PLAN_EVENTS_HEARTBEAT_MS);

    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      const qe = queueEvents;
      const conn = connection;
      void (qe ? qe.close() : Promise.resolve())
        .catch((err: unknown) => deps.log.warn({ err }, 'closing plan queue events failed'))
        .finally(() => conn?.disconnect());
    };
    res.on('close', close);
    if (req.socket.destroyed) close(); // the page left while the row was being read

    /** Sends the final event and ends the stream when the plan is finished; says whether it did. */
    const endIfFinal = (plan: PlanSnapshot): boolean => {
      if (!isFinal(plan)) return false;
      sendEvent(res, plan.status === 'DONE' ? 'done' : 'failed', plan);
      close();
      res.end();
      return true;
    };

    // Database reads run one after another, so events reach the page in the order they happened.
    let reads = Promise.resolve();
    const refresh = () => {
      reads = reads
        .then(async () => {
          if (closed) return;
          const plan = snapshotOf(await getPlan(deps, ctx, id));
          if (closed || endIfFinal(plan)) return;
          const { summary: _notYet, ...status } = plan;
          sendEvent(res, 'status', status);
        })
        .catch((err: unknown) => req.log.warn({ err, planId: id }, 'plan events: reading the plan failed'));
    };

    const { summary: _none, ...status } = first;
    sendEvent(res, 'status', status);
    if (endIfFinal(first) || !queue || closed) return;

    const jobId = planJobId({ organisationId: ctx.organisationId, date: firstPlan.date, revision: firstPlan.revision });
    connection = createRedis(queue.url, 'worker');
    queueEvents = new QueueEvents(PLANNING_QUEUE, { connection, prefix: queue.prefix, ...(lastEventId ? { lastEventId } : {}) });
    queueEvents.on('error', (err) => req.log.warn({ err, planId: id }, 'plan events: queue events error'));
    queueEvents.on('progress', ({ jobId: job, data }) => {
      if (job === jobId && !closed && typeof data === 'number') sendEvent(res, 'progress', { id, progress: data });
    });
    const onStateChange = ({ jobId: job }: { jobId: string }) => {
      if (job === jobId) refresh();
    };
    queueEvents.on('completed', onStateChange);
    queueEvents.on('failed', onStateChange);
  });
  return r;
}
