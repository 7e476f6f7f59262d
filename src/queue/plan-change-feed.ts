/**
 * The live plan's change messages over Redis pub/sub (issue #6, D28): use cases publish after
 * their transaction commits; every open event stream of the process listens through ONE
 * subscriber connection, made when the first stream opens and closed when the last one ends
 * (a subscribed Redis connection can do nothing else, and one per browser would not scale).
 * Channel per organisation and day, so a stream hears only its own organisation's day.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { PlanChangeMessageSchema, type PlanChangeMessage, type PlanChangePublisher } from '../domain/plan/live/plan-change-message.js';

export type PlanChangeListener = (message: PlanChangeMessage) => void;

export interface PlanChangeFeed extends PlanChangePublisher {
  /** Listens to one organisation's day; answers the function that stops listening. */
  subscribe(organisationId: string, date: string, listener: PlanChangeListener): Promise<() => void>;
  /** How many channels the shared subscriber holds (0 when it is closed). */
  channelCount(): number;
}

export function createPlanChangeFeed(options: { redis: Redis; keyPrefix: string; log: Logger }): PlanChangeFeed {
  const { redis, keyPrefix, log } = options;
  const channelOf = (organisationId: string, date: string) => `${keyPrefix}:plan-changes:${organisationId}:${date}`;
  const listeners = new Map<string, Set<PlanChangeListener>>();
  // A channel's SUBSCRIBE in flight: a second stream of the same day waits for it too.
  const subscribed = new Map<string, Promise<unknown>>();
  let subscriber: Redis | null = null;

  const onMessage = (channel: string, raw: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const message = PlanChangeMessageSchema.safeParse(parsed);
    if (!message.success) {
      log.warn({ channel }, 'plan changes: a message that is not a plan change was ignored');
      return;
    }
    for (const l of set) l(message.data);
  };

  const openSubscriber = (): Redis => {
    if (subscriber) return subscriber;
    // No handshake commands on this connection: ioredis 5 writes a SUBSCRIBE made while it is still
    // connecting ahead of its INFO ready check and CLIENT SETINFO, which Redis then refuses in
    // subscriber mode ("Connection in subscriber mode…", ioredis#2037); the connection resets and
    // the streams opened at that moment hear nothing. Without them the SUBSCRIBE waits for ready.
    const s = redis.duplicate({ enableReadyCheck: false, disableClientInfo: true });
    s.on('error', (err) => log.warn({ err: err.message }, 'plan changes: subscriber connection error'));
    s.on('message', onMessage);
    subscriber = s;
    return s;
  };

  return {
    async publish(organisationId, message) {
      try {
        await redis.publish(channelOf(organisationId, message.date), JSON.stringify(message));
      } catch (err) {
        // The change is committed; a page that missed this hears the version when it reconnects.
        log.warn({ err, planId: message.planId }, 'plan changes: publishing failed');
      }
    },

    async subscribe(organisationId, date, listener) {
      const channel = channelOf(organisationId, date);
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      const s = openSubscriber();
      if (first) subscribed.set(channel, s.subscribe(channel));
      const stop = () => {
        const current = listeners.get(channel);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(channel);
        subscribed.delete(channel);
        const sub = subscriber;
        if (!sub) return;
        if (listeners.size === 0) {
          subscriber = null;
          sub.disconnect();
        } else {
          void sub.unsubscribe(channel).catch((err: unknown) => log.warn({ err }, 'plan changes: unsubscribe failed'));
        }
      };
      try {
        await subscribed.get(channel);
      } catch (err) {
        stop();
        throw err;
      }
      return stop;
    },

    channelCount: () => (subscriber ? listeners.size : 0),
  };
}
