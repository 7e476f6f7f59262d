/**
 * Routing benchmark (issue #4): a 2,000-location matrix assembled from 100×100 blocks with at most
 * 4 requests in flight, against the in-process fake OSRM (test/fakes/osrm-server.ts) on a grid of
 * roads. Reports the client's own overhead (JSON parse + validation, assembly into the matrix)
 * against the server's time (computing and serialising answers), and checks that a second build
 * through a cache makes zero requests.
 *
 * The fake runs in this process, so wall time contains both sides; the two figures are measured
 * separately. The target in issue #4: client overhead ≤ 10 % of server time.
 *
 * Run: npm run bench:routing
 */
import { buildOsrmMatrix } from '../../src/routing/build-osrm-matrix.js';
import { createInMemoryMatrixCellCache, type MatrixCellCache } from '../../src/routing/matrix-cell-cache.js';
import { createOsrmClient } from '../../src/routing/osrm-client.js';
import type { LatLon } from '../../src/routing/types.js';
import { createGridRoadGraph, startFakeOsrm } from '../../test/fakes/osrm-server.js';

const LOCATIONS = 2000;
const BLOCK = 100;
const CONCURRENCY = 4;

function seededPoints(count: number, origin: LatLon, spanDeg: number): LatLon[] {
  let state = 20_261_122;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => ({ lat: origin.lat + next() * spanDeg, lon: origin.lon + next() * spanDeg }));
}

const origin = { lat: 54.05, lon: 21.3 };
const graph = createGridRoadGraph({ rows: 30, cols: 30, originLat: origin.lat, originLon: origin.lon, spacingDeg: 0.01, speedKmh: 50 });
const fake = await startFakeOsrm({ graph, maxTableSize: BLOCK });
const points = seededPoints(LOCATIONS, origin, 0.29);

let parseMs = 0;
let waitMs = 0;
let assembleMs = 0;
let inFlight = 0;
let peakInFlight = 0;
const countingFetch: typeof fetch = async (input, init) => {
  inFlight++;
  peakInFlight = Math.max(peakInFlight, inFlight);
  try {
    return await fetch(input, init);
  } finally {
    inFlight--;
  }
};
const client = createOsrmClient({
  baseUrl: fake.url,
  fetch: countingFetch,
  onTiming: (timing) => {
    parseMs += timing.parseMs;
    waitMs += timing.waitMs;
  },
});
const memoryCache = createInMemoryMatrixCellCache();
let cacheMs = 0;
const timed = async <T>(work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    cacheMs += performance.now() - started;
  }
};
const cache: MatrixCellCache = {
  lookup: (keys) => timed(() => memoryCache.lookup(keys)),
  store: (keys, cells) => timed(() => memoryCache.store(keys, cells)),
};
const build = () =>
  buildOsrmMatrix(points, {
    client,
    maxTableSize: BLOCK,
    concurrency: CONCURRENCY,
    maxSnapDistanceM: 2000,
    cache,
    onAssemble: (ms) => (assembleMs += ms),
  });

try {
  const started = performance.now();
  const matrix = await build();
  const wallMs = performance.now() - started;
  const firstCacheMs = cacheMs;
  const firstRequests = fake.requestCount;
  const serverMs = fake.serverTimeMs;
  const overheadMs = parseMs + assembleMs;
  const unroutable = matrix.snapDistancesM.filter((d) => d === null).length;
  const finiteCells = matrix.durationsSec.filter((d) => Number.isFinite(d)).length;

  fake.resetLog();
  const cachedStarted = performance.now();
  const again = await build();
  const cachedMs = performance.now() - cachedStarted;
  const identical = again.durationsSec.every((d, i) => d === matrix.durationsSec[i]);

  const f = (ms: number): string => `${ms.toFixed(0)} ms`;
  console.log(`routing bench: ${LOCATIONS} locations, blocks of ${BLOCK}×${BLOCK}, ≤ ${CONCURRENCY} in flight (fake OSRM, ${graph.nodes.length}-node grid)`);
  console.log(`  requests                 ${firstRequests} (peak in flight ${peakInFlight})`);
  console.log(`  wall time                ${f(wallMs)} (of which in-memory cache lookup + store ${f(firstCacheMs)})`);
  console.log(`  server time              ${f(serverMs)}  (fake OSRM: paths + JSON serialisation)`);
  console.log(`  client parse + validate  ${f(parseMs)}`);
  console.log(`  client assembly          ${f(assembleMs)}`);
  console.log(`  client overhead          ${f(overheadMs)} = ${((100 * overheadMs) / serverMs).toFixed(1)} % of server time (target ≤ 10 %)`);
  console.log(`  waiting for answers      ${f(waitMs)} summed over requests`);
  console.log(`  matrix                   ${matrix.size}×${matrix.size}, ${finiteCells} finite cells, ${unroutable} unroutable points`);
  console.log(`  second build via cache   ${fake.requestCount} requests, ${f(cachedMs)}, identical: ${identical}`);
  if (matrix.size !== LOCATIONS || fake.requestCount !== 0 || !identical) process.exitCode = 1;
} finally {
  await fake.close();
}
