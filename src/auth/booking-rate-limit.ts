/**
 * A ceiling on bookings per caller: a runaway script or a stolen token cannot flood a day with
 * rides. Generous enough for a caseworker booking a whole group by hand or an import by API.
 */
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { countHit, tooMany, type RateLimit } from './rate-limit.js';

export const DEFAULT_BOOKING_LIMIT: RateLimit = { limit: 600, windowSec: 600 };
const BOOKING_ROUTES = new Set(['/api/v1/rides', '/api/v1/recurring-rides']);

export function bookingRateLimit(redis: Redis, keyPrefix: string, limit: RateLimit = DEFAULT_BOOKING_LIMIT): RequestHandler {
  return async (req, _res, next) => {
    const path = (req.baseUrl + req.path).replace(/\/$/, '');
    if (req.method !== 'POST' || !BOOKING_ROUTES.has(path) || !req.ctx) return next();
    const count = await countHit(redis, `${keyPrefix}:bookings:${req.ctx.actor}`, limit.windowSec);
    if (count > limit.limit) throw tooMany(Math.ceil(limit.windowSec / 60));
    next();
  };
}
