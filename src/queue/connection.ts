import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers need maxRetriesPerRequest: null (BullMQ blocks on
 * Redis and must not give up); the API uses a short offline queue so a request fails fast
 * when Redis is down instead of hanging.
 */
export function createRedis(url: string, role: 'worker' | 'client'): Redis {
  return new Redis(url, role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: true });
}
