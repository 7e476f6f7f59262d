/**
 * The shared pub/sub subscriber of the live plan's changes, against the real Redis: a stream that
 * opens while the subscriber connection is still being made must not break the streams opened
 * just before it (ioredis 5 wrote that SUBSCRIBE ahead of its own ready check, which Redis then
 * refused; the connection reset and changes were lost — a flaky stream test found it).
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import type { PlanChangeMessage } from '../../../src/domain/plan/live/plan-change-message.js';
import { createPlanChangeFeed } from '../../../src/queue/plan-change-feed.js';
import { createRedis } from '../../../src/queue/connection.js';
import { waitFor } from '../../helpers/wait-for.js';

const DATE = '2026-11-24';
const redis = createRedis(inject('redisUrl'), 'client');
afterAll(() => redis.disconnect());

/** A logger that keeps its warnings, so a test can say there were none. */
function recordingLog() {
  const warnings: string[] = [];
  const log = createLogger('silent');
  log.warn = ((obj: unknown, msg?: string) => {
    warnings.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  }) as typeof log.warn;
  return { log, warnings };
}

const message = (version: number): PlanChangeMessage => ({ planId: crypto.randomUUID(), date: DATE, version, kind: 'MOVE' });

describe('the plan change feed', () => {
  it('keeps every stream when a second one subscribes while the shared connection is still connecting', async () => {
    const { log, warnings } = recordingLog();
    const prefix = `${inject('queuePrefix')}:feed-${crypto.randomUUID().slice(0, 8)}`;
    // The feed makes its subscriber with redis.duplicate(); the moment that connection reports
    // `connect` (TCP up, handshake not done) a second board opens: the old race, every time.
    const base = redis.duplicate();
    const duplicate = base.duplicate.bind(base);
    let second: Promise<() => void> | null = null;
    const heard: Record<string, number[]> = { a: [], b: [] };
    const feed = createPlanChangeFeed({
      redis: Object.assign(base, {
        duplicate: (...args: Parameters<Redis['duplicate']>) => {
          const s = duplicate(...args);
          s.once('connect', () => {
            second = feed.subscribe('org-b', DATE, (m) => heard.b!.push(m.version));
          });
          return s;
        },
      }),
      keyPrefix: prefix,
      log,
    });
    try {
      const stopA = await feed.subscribe('org-a', DATE, (m) => heard.a!.push(m.version));
      await waitFor(async () => second, 5000, 5);
      const stopB = await second!;
      await feed.publish('org-a', message(2));
      await feed.publish('org-b', message(7));
      await waitFor(async () => (heard.a!.length && heard.b!.length ? true : null), 5000, 10);
      expect(heard).toEqual({ a: [2], b: [7] });
      expect(warnings).toEqual([]);
      expect(feed.channelCount()).toBe(2);
      stopA();
      stopB();
      expect(feed.channelCount()).toBe(0);
    } finally {
      base.disconnect();
    }
  });
});
