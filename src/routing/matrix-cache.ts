import type { Redis } from 'ioredis';
import type { CachedCells, MatrixCellCache } from './matrix-cell-cache.js';

export interface RedisMatrixCellCacheOptions {
  /** Shared by all workers; the cache never closes it. */
  readonly redis: Redis;
  /** Routing profile the cells were computed for, e.g. `driving`. */
  readonly profile: string;
  /**
   * Version of the road data the cells belong to (e.g. the OSM extract date the deployment loads
   * into OSRM). A new version starts an empty cache; old keys expire by their TTL.
   */
  readonly version: string;
  /** Seconds a cached row lives after it was last written. Default 7 days. */
  readonly ttlSec?: number;
  /** Namespace for all keys. Default `dowoz:matrix`. */
  readonly keyPrefix?: string;
}

/**
 * Matrix cells in Redis, shared by all workers (issue #4: re-planning a day whose locations did not
 * change costs no OSRM request).
 *
 * Layout, under `{prefix}:{profile}:{version}:`
 * - `row:{fromKey}` hash: field `{toKey}` → `"{durationSec},{distanceM}"` (`inf` = no route);
 * - `snap` hash: field `{pointKey}` → metres OSRM moved the point, or `null` when it could not snap;
 * - `data_version` string: OSRM's data_version of the answers stored.
 * Point keys are input coordinates at 1e-6° (`pointKey`), not snapped ones: the snapped position
 * is only known after asking OSRM, and the point of the cache is not to ask.
 */
export function createRedisMatrixCellCache(options: RedisMatrixCellCacheOptions): MatrixCellCache {
  const { redis } = options;
  const ttlSec = options.ttlSec ?? 7 * 24 * 3600;
  const namespace = `${options.keyPrefix ?? 'dowoz:matrix'}:${options.profile}:${options.version}:`;
  const rowKey = (fromKey: string): string => `${namespace}row:${fromKey}`;
  const snapKey = `${namespace}snap`;
  const dataVersionKey = `${namespace}data_version`;

  const encodeNumber = (value: number): string => (value === Infinity ? 'inf' : String(value));
  const decodeNumber = (text: string): number => (text === 'inf' ? Infinity : Number(text));

  return {
    async lookup(keys) {
      const n = keys.length;
      const durationsSec = new Float64Array(n * n).fill(NaN);
      const distancesM = new Float64Array(n * n).fill(NaN);
      const snapDistancesM: (number | null | undefined)[] = new Array(n).fill(undefined);
      if (n === 0) return { durationsSec, distancesM, snapDistancesM, dataVersion: undefined };

      const pipeline = redis.pipeline();
      pipeline.hmget(snapKey, ...keys);
      pipeline.get(dataVersionKey);
      for (const fromKey of keys) pipeline.hmget(rowKey(fromKey), ...keys);
      const replies = (await pipeline.exec()) ?? [];
      const reply = (i: number): unknown => {
        const [error, value] = replies[i] ?? [new Error('missing pipeline reply'), null];
        if (error) throw error;
        return value;
      };

      (reply(0) as (string | null)[]).forEach((snap, i) => {
        if (snap !== null) snapDistancesM[i] = snap === 'null' ? null : Number(snap);
      });
      const storedVersion = reply(1) as string | null;
      for (let from = 0; from < n; from++) {
        const row = reply(2 + from) as (string | null)[];
        for (let to = 0; to < n; to++) {
          const cell = row[to];
          if (cell === null || cell === undefined) continue;
          const comma = cell.indexOf(',');
          durationsSec[from * n + to] = decodeNumber(cell.slice(0, comma));
          distancesM[from * n + to] = decodeNumber(cell.slice(comma + 1));
        }
      }
      // The stored value is JSON so that "no data_version" (null) differs from "nothing cached".
      const dataVersion = storedVersion === null ? undefined : (JSON.parse(storedVersion) as string | null);
      return { durationsSec, distancesM, snapDistancesM, dataVersion };
    },

    async store(keys: readonly string[], cells: CachedCells) {
      const n = keys.length;
      const pipeline = redis.pipeline();
      const snaps: string[] = [];
      keys.forEach((key, i) => {
        const snap = cells.snapDistancesM[i];
        if (snap !== undefined) snaps.push(key, snap === null ? 'null' : String(snap));
      });
      if (snaps.length > 0) pipeline.hset(snapKey, ...snaps).expire(snapKey, ttlSec);
      if (cells.dataVersion !== undefined) pipeline.set(dataVersionKey, JSON.stringify(cells.dataVersion), 'EX', ttlSec);
      for (let from = 0; from < n; from++) {
        const fields: string[] = [];
        for (let to = 0; to < n; to++) {
          const durationSec = cells.durationsSec[from * n + to] as number;
          if (Number.isNaN(durationSec)) continue;
          fields.push(keys[to] as string, `${encodeNumber(durationSec)},${encodeNumber(cells.distancesM[from * n + to] as number)}`);
        }
        if (fields.length > 0) pipeline.hset(rowKey(keys[from] as string), ...fields).expire(rowKey(keys[from] as string), ttlSec);
      }
      const replies = (await pipeline.exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed) throw failed[0];
    },
  };
}
