import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process stand-in for osrm-routed (OSRM v5 HTTP API) over a small road graph, because no
 * OSRM can be installed on these machines (issue #4). It answers `/table`, `/route` and `/nearest`
 * in the documented response format, enforces `--max-table-size` the way osrm-routed does, and
 * can fail or stall on demand. It shares no code with src/routing on purpose: a bug there must not
 * be mirrored here.
 *
 * Model: two-way edges with a speed; a coordinate snaps to the nearest point on any edge (the
 * reported `distance` is how far it moved); travel follows the fastest path (Dijkstra on duration).
 * A coordinate farther than `snapLimitM` from every edge gets `NoSegment`.
 */

// ---------------------------------------------------------------------------------------------
// Road graphs

export interface FakeRoadNode {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

export interface FakeRoadEdge {
  readonly from: string;
  readonly to: string;
  readonly speedKmh: number;
  /** Reported as the waypoint `name` of points snapped onto this edge. */
  readonly name?: string;
}

export interface FakeRoadGraph {
  readonly nodes: readonly FakeRoadNode[];
  readonly edges: readonly FakeRoadEdge[];
  /** Road length ÷ straight-line length of every edge. Default 1.15 (roads are not straight). */
  readonly winding?: number;
}

/**
 * Roads around Gmina Srokowo, the demo gmina (coordinates from ../shared/domain/README.md), with
 * Kętrzyn, Węgorzewo, Barciany, Giżycko and the regional hospital in Olsztyn. Simplified
 * village-to-village links at plausible rural speeds, not a survey of the real roads. The road
 * "Łężany – Łężany Pole" is an island with no link to the rest: points snapped there have no route.
 */
export const SROKOWO_ROAD_GRAPH: FakeRoadGraph = {
  nodes: [
    { id: 'Srokowo', lat: 54.213, lon: 21.519 },
    { id: 'Leśny Rów', lat: 54.258, lon: 21.501 },
    { id: 'Jegławki', lat: 54.175, lon: 21.457 },
    { id: 'Solanka', lat: 54.19, lon: 21.576 },
    { id: 'Wyskok', lat: 54.171, lon: 21.519 },
    { id: 'Kosakowo', lat: 54.238, lon: 21.432 },
    { id: 'Silec', lat: 54.205, lon: 21.461 },
    { id: 'Bajory Wielkie', lat: 54.297, lon: 21.525 },
    { id: 'Łęsk', lat: 54.233, lon: 21.601 },
    { id: 'Leśniewo', lat: 54.277, lon: 21.466 },
    { id: 'Przystań', lat: 54.248, lon: 21.617 },
    { id: 'Głowbity', lat: 54.158, lon: 21.578 },
    { id: 'Drogosze', lat: 54.125, lon: 21.452 },
    { id: 'Kętrzyn', lat: 54.076, lon: 21.375 },
    { id: 'Węgorzewo', lat: 54.214, lon: 21.738 },
    { id: 'Barciany', lat: 54.224, lon: 21.347 },
    { id: 'Giżycko', lat: 54.038, lon: 21.767 },
    { id: 'Reszel', lat: 54.051, lon: 21.147 },
    { id: 'Biskupiec', lat: 53.864, lon: 20.955 },
    { id: 'Olsztyn', lat: 53.778, lon: 20.48 },
    { id: 'Łężany', lat: 54.02, lon: 21.2 },
    { id: 'Łężany Pole', lat: 54.03, lon: 21.215 },
  ],
  edges: [
    { from: 'Srokowo', to: 'Wyskok', speedKmh: 70, name: 'DW650' },
    { from: 'Wyskok', to: 'Drogosze', speedKmh: 80, name: 'DW650' },
    { from: 'Drogosze', to: 'Kętrzyn', speedKmh: 80, name: 'DW650' },
    { from: 'Srokowo', to: 'Silec', speedKmh: 60 },
    { from: 'Silec', to: 'Jegławki', speedKmh: 50 },
    { from: 'Jegławki', to: 'Drogosze', speedKmh: 60 },
    { from: 'Silec', to: 'Kosakowo', speedKmh: 50 },
    { from: 'Kosakowo', to: 'Barciany', speedKmh: 60 },
    { from: 'Barciany', to: 'Kętrzyn', speedKmh: 70, name: 'DW591' },
    { from: 'Srokowo', to: 'Leśny Rów', speedKmh: 60 },
    { from: 'Leśny Rów', to: 'Leśniewo', speedKmh: 50 },
    { from: 'Leśny Rów', to: 'Bajory Wielkie', speedKmh: 50 },
    { from: 'Leśniewo', to: 'Kosakowo', speedKmh: 40 },
    { from: 'Srokowo', to: 'Solanka', speedKmh: 60 },
    { from: 'Solanka', to: 'Głowbity', speedKmh: 50 },
    { from: 'Głowbity', to: 'Wyskok', speedKmh: 50 },
    { from: 'Srokowo', to: 'Łęsk', speedKmh: 70, name: 'DW650' },
    { from: 'Łęsk', to: 'Przystań', speedKmh: 50 },
    { from: 'Łęsk', to: 'Węgorzewo', speedKmh: 70, name: 'DW650' },
    { from: 'Przystań', to: 'Węgorzewo', speedKmh: 50 },
    { from: 'Węgorzewo', to: 'Giżycko', speedKmh: 80, name: 'DK63' },
    { from: 'Giżycko', to: 'Kętrzyn', speedKmh: 80, name: 'DK59' },
    { from: 'Kętrzyn', to: 'Reszel', speedKmh: 70, name: 'DW590' },
    { from: 'Reszel', to: 'Biskupiec', speedKmh: 80, name: 'DW590' },
    { from: 'Biskupiec', to: 'Olsztyn', speedKmh: 90, name: 'DK16' },
    { from: 'Łężany', to: 'Łężany Pole', speedKmh: 30 },
  ],
};

/** A rows × cols grid of two-way roads, for benchmarks that need many distinct locations. Nodes are `r,c`. */
export function createGridRoadGraph(options: {
  readonly rows: number;
  readonly cols: number;
  readonly originLat: number;
  readonly originLon: number;
  readonly spacingDeg: number;
  readonly speedKmh: number;
}): FakeRoadGraph {
  const nodes: FakeRoadNode[] = [];
  const edges: FakeRoadEdge[] = [];
  for (let r = 0; r < options.rows; r++) {
    for (let c = 0; c < options.cols; c++) {
      nodes.push({ id: `${r},${c}`, lat: options.originLat + r * options.spacingDeg, lon: options.originLon + c * options.spacingDeg });
      if (c > 0) edges.push({ from: `${r},${c - 1}`, to: `${r},${c}`, speedKmh: options.speedKmh });
      if (r > 0) edges.push({ from: `${r - 1},${c}`, to: `${r},${c}`, speedKmh: options.speedKmh });
    }
  }
  return { nodes, edges, winding: 1 };
}

// ---------------------------------------------------------------------------------------------
// Shortest paths

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

function greatCircleM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

interface Edge {
  readonly u: number;
  readonly v: number;
  readonly lengthM: number;
  readonly durationSec: number;
  readonly name: string;
}

/** Where a coordinate lands on the road: `t` is the fraction of the way from edge.u to edge.v. */
interface Snap {
  readonly edge: Edge;
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  readonly distanceM: number;
}

/** Fastest paths from one node: per node index, duration, the length of that path, and the previous node (-1 at the root). */
interface ShortestPathTree {
  readonly durationSec: Float64Array;
  readonly lengthM: Float64Array;
  readonly previous: Int32Array;
}

interface Journey {
  readonly durationSec: number;
  readonly distanceM: number;
  /** Node indices passed between the two snapped points. */
  readonly viaNodes: readonly number[];
}

class RoadNetwork {
  private readonly nodes: readonly FakeRoadNode[];
  private readonly edges: Edge[] = [];
  /** adjacency[node] = edges touching it. */
  private readonly adjacency: Edge[][];
  private readonly trees = new Map<number, ShortestPathTree>();
  private readonly snaps = new Map<string, Snap | null>();

  constructor(graph: FakeRoadGraph, private readonly snapLimitM: number) {
    this.nodes = graph.nodes;
    const indexOf = new Map(graph.nodes.map((node, i) => [node.id, i]));
    this.adjacency = graph.nodes.map(() => []);
    for (const edge of graph.edges) {
      const u = indexOf.get(edge.from);
      const v = indexOf.get(edge.to);
      if (u === undefined || v === undefined) throw new Error(`Fake road graph: edge ${edge.from}–${edge.to} names an unknown node`);
      const a = graph.nodes[u] as FakeRoadNode;
      const b = graph.nodes[v] as FakeRoadNode;
      const lengthM = greatCircleM(a.lat, a.lon, b.lat, b.lon) * (graph.winding ?? 1.15);
      const built: Edge = { u, v, lengthM, durationSec: lengthM / ((edge.speedKmh * 1000) / 3600), name: edge.name ?? '' };
      this.edges.push(built);
      this.adjacency[u]?.push(built);
      this.adjacency[v]?.push(built);
    }
  }

  node(i: number): FakeRoadNode {
    return this.nodes[i] as FakeRoadNode;
  }

  /** The point of `edge` nearest to (lat, lon), in a flat projection around the input (fine at the scale of one road). */
  private project(edge: Edge, lat: number, lon: number): Snap {
    const kx = Math.cos(lat * RAD) * EARTH_RADIUS_M * RAD;
    const ky = EARTH_RADIUS_M * RAD;
    const a = this.node(edge.u);
    const b = this.node(edge.v);
    const dx = (b.lon - a.lon) * kx;
    const dy = (b.lat - a.lat) * ky;
    const lengthSquared = dx * dx + dy * dy;
    const along = (lon - a.lon) * kx * dx + (lat - a.lat) * ky * dy;
    const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, along / lengthSquared));
    const snappedLat = a.lat + t * (b.lat - a.lat);
    const snappedLon = a.lon + t * (b.lon - a.lon);
    return { edge, t, lat: snappedLat, lon: snappedLon, distanceM: greatCircleM(lat, lon, snappedLat, snappedLon) };
  }

  /** Nearest point on any edge, or null beyond the snap limit. */
  snap(lat: number, lon: number): Snap | null {
    const key = `${lat},${lon}`;
    const known = this.snaps.get(key);
    if (known !== undefined) return known;
    let best: Snap | null = null;
    for (const edge of this.edges) {
      const candidate = this.project(edge, lat, lon);
      if (best === null || candidate.distanceM < best.distanceM) best = candidate;
    }
    const result = best !== null && best.distanceM <= this.snapLimitM ? best : null;
    this.snaps.set(key, result);
    return result;
  }

  /** Snaps onto the `count` nearest edges within the limit, nearest first (for /nearest?number=). */
  nearestSnaps(lat: number, lon: number, count: number): Snap[] {
    if (count <= 1) {
      const only = this.snap(lat, lon);
      return only === null ? [] : [only];
    }
    return this.edges
      .map((edge) => this.project(edge, lat, lon))
      .filter((snap) => snap.distanceM <= this.snapLimitM)
      .sort((x, y) => x.distanceM - y.distanceM)
      .slice(0, count);
  }

  private tree(root: number): ShortestPathTree {
    const known = this.trees.get(root);
    if (known) return known;
    const n = this.nodes.length;
    const durationSec = new Float64Array(n).fill(Infinity);
    const lengthM = new Float64Array(n).fill(Infinity);
    const previous = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    durationSec[root] = 0;
    lengthM[root] = 0;
    // Binary heap of [duration, node]; stale entries are skipped when popped.
    const heap: [number, number][] = [[0, root]];
    const push = (item: [number, number]): void => {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heap[parent] as [number, number])[0] <= item[0]) break;
        heap[i] = heap[parent] as [number, number];
        i = parent;
      }
      heap[i] = item;
    };
    const pop = (): [number, number] => {
      const top = heap[0] as [number, number];
      const last = heap.pop() as [number, number];
      if (heap.length > 0) {
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= heap.length) break;
          const right = left + 1;
          const child = right < heap.length && (heap[right] as [number, number])[0] < (heap[left] as [number, number])[0] ? right : left;
          if ((heap[child] as [number, number])[0] >= last[0]) break;
          heap[i] = heap[child] as [number, number];
          i = child;
        }
        heap[i] = last;
      }
      return top;
    };
    while (heap.length > 0) {
      const [, u] = pop();
      if (done[u]) continue;
      done[u] = 1;
      for (const edge of this.adjacency[u] as Edge[]) {
        const v = edge.u === u ? edge.v : edge.u;
        const candidate = (durationSec[u] as number) + edge.durationSec;
        if (candidate < (durationSec[v] as number)) {
          durationSec[v] = candidate;
          lengthM[v] = (lengthM[u] as number) + edge.lengthM;
          previous[v] = u;
          push([candidate, v]);
        }
      }
    }
    const tree = { durationSec, lengthM, previous };
    this.trees.set(root, tree);
    return tree;
  }

  /** Fastest journey between two snapped points, or null when they are not connected. */
  journey(from: Snap, to: Snap): Journey | null {
    let best: Journey | null = null;
    if (from.edge === to.edge) {
      const fraction = Math.abs(from.t - to.t);
      best = { durationSec: fraction * from.edge.durationSec, distanceM: fraction * from.edge.lengthM, viaNodes: [] };
    }
    // Leave `from`'s edge by either end, enter `to`'s edge by either end.
    const exits = [
      { node: from.edge.u, fraction: from.t },
      { node: from.edge.v, fraction: 1 - from.t },
    ];
    const entries = [
      { node: to.edge.u, fraction: to.t },
      { node: to.edge.v, fraction: 1 - to.t },
    ];
    for (const exit of exits) {
      const tree = this.tree(exit.node);
      for (const entry of entries) {
        const middle = tree.durationSec[entry.node] as number;
        if (middle === Infinity) continue;
        const durationSec = exit.fraction * from.edge.durationSec + middle + entry.fraction * to.edge.durationSec;
        if (best !== null && best.durationSec <= durationSec) continue;
        const viaNodes: number[] = [];
        for (let node = entry.node; node !== -1; node = tree.previous[node] as number) viaNodes.push(node);
        viaNodes.reverse();
        best = {
          durationSec,
          distanceM: exit.fraction * from.edge.lengthM + (tree.lengthM[entry.node] as number) + entry.fraction * to.edge.lengthM,
          viaNodes,
        };
      }
    }
    return best;
  }
}

// ---------------------------------------------------------------------------------------------
// The HTTP server

export type FakeOsrmService = 'table' | 'route' | 'nearest';

/** A failure to inject into the next matching requests. */
export interface FakeOsrmFailure {
  /** Only requests to this service; default any. */
  readonly service?: FakeOsrmService;
  /** How many matching requests it affects. Default 1. */
  readonly times?: number;
  /** Hold the request this long before answering (to provoke client timeouts). */
  readonly delayMs?: number;
  /** Answer with this HTTP status instead of the real answer. Default: the real answer. */
  readonly status?: number;
  /** Answer with this raw body (with `status`, or 200) instead of the real answer. */
  readonly body?: string;
  /** Destroy the socket without answering (a network error). */
  readonly dropConnection?: boolean;
}

export interface FakeOsrmRequest {
  readonly service: string;
  readonly url: string;
  /** Coordinates in the URL. */
  readonly coordinates: number;
  /** Table only: number of sources and destinations (all coordinates when omitted). */
  readonly sources: number | null;
  readonly destinations: number | null;
  /** HTTP status answered (0 when the connection was dropped). */
  status: number;
}

export interface StartFakeOsrmOptions {
  /** Default SROKOWO_ROAD_GRAPH. */
  readonly graph?: FakeRoadGraph;
  /** osrm-routed's --max-table-size: sources × destinations may not exceed its square. Default 100. */
  readonly maxTableSize?: number;
  /** A coordinate farther than this from every road gets NoSegment. Default 10,000 m. */
  readonly snapLimitM?: number;
  /** Top-level `data_version` in every answer, as osrm-routed sends when osrm-extract got --data_version; null omits it. */
  readonly dataVersion?: string | null;
  /** Failures queued before the first request. */
  readonly failNext?: FakeOsrmFailure | readonly FakeOsrmFailure[];
}

export interface FakeOsrm {
  /** Root URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: FakeOsrmRequest[];
  readonly requestCount: number;
  /** Milliseconds spent computing and serialising answers (excluding injected delays). */
  readonly serverTimeMs: number;
  /** Queues a failure for the next matching requests. */
  failOn(failure: FakeOsrmFailure): void;
  /** Forgets the request log and the server time. */
  resetLog(): void;
  close(): Promise<void>;
}

class OsrmHttpError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Coordinate {
  readonly lon: number;
  readonly lat: number;
}

function parseCoordinates(text: string): Coordinate[] {
  const pairs = text.split(';');
  return pairs.map((pair) => {
    const parts = pair.split(',');
    const lon = Number(parts[0]);
    const lat = Number(parts[1]);
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new OsrmHttpError('InvalidUrl', `URL string malformed close to position of "${pair}"`);
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new OsrmHttpError('InvalidValue', 'Invalid coordinate value.');
    return { lon, lat };
  });
}

function parseIndexList(value: string | null, coordinateCount: number, name: string): number[] | null {
  if (value === null || value === 'all') return null;
  const indices = value.split(';').map(Number);
  if (indices.some((i) => !Number.isInteger(i) || i < 0 || i >= coordinateCount)) {
    throw new OsrmHttpError('InvalidOptions', `${name} index out of bounds`);
  }
  return indices;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

const wantsHints = (query: URLSearchParams): boolean => query.get('generate_hints') !== 'false';

/** A stand-in for OSRM's hint: base64 of the same length (88 characters) as osrm-routed sends. */
function hintFor(snap: Snap): string {
  return Buffer.from(`${snap.edge.u}:${snap.edge.v}:${snap.t.toFixed(12)}`.padEnd(66, '.')).toString('base64').slice(0, 88);
}

/** A Waypoint object; `withHint` follows the request's generate_hints (default true, like osrm-routed). */
function waypoint(snap: Snap, withHint: boolean): { hint?: string; distance: number; name: string; location: [number, number] } {
  return {
    ...(withHint ? { hint: hintFor(snap) } : {}),
    distance: Math.round(snap.distanceM * 1e6) / 1e6,
    name: snap.edge.name,
    location: [Math.round(snap.lon * 1e6) / 1e6, Math.round(snap.lat * 1e6) / 1e6],
  };
}

function encodePolylineForFake(coordinates: readonly [number, number][], precision: number): string {
  const factor = 10 ** precision;
  let output = '';
  let lastLat = 0;
  let lastLon = 0;
  const write = (delta: number): void => {
    let v = delta < 0 ? ~(delta << 1) : delta << 1;
    while (v >= 0x20) {
      output += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
      v >>= 5;
    }
    output += String.fromCharCode(v + 63);
  };
  for (const [lon, lat] of coordinates) {
    const latE = Math.round(lat * factor);
    const lonE = Math.round(lon * factor);
    write(latE - lastLat);
    write(lonE - lastLon);
    lastLat = latE;
    lastLon = lonE;
  }
  return output;
}

export async function startFakeOsrm(options: StartFakeOsrmOptions = {}): Promise<FakeOsrm> {
  const network = new RoadNetwork(options.graph ?? SROKOWO_ROAD_GRAPH, options.snapLimitM ?? 10_000);
  const maxTableSize = options.maxTableSize ?? 100;
  const dataVersion = options.dataVersion === undefined ? '2026-11-01T00:00:00Z' : options.dataVersion;
  const failures: { failure: FakeOsrmFailure; remaining: number }[] = [];
  const requests: FakeOsrmRequest[] = [];
  let serverTimeMs = 0;

  const failOn = (failure: FakeOsrmFailure): void => {
    failures.push({ failure, remaining: failure.times ?? 1 });
  };
  for (const failure of [options.failNext ?? []].flat()) failOn(failure);

  const withVersion = (body: Record<string, unknown>): Record<string, unknown> =>
    dataVersion === null ? body : { ...body, data_version: dataVersion };

  /** Snaps every coordinate; the first that cannot be snapped fails the request like osrm-routed. */
  const snapAll = (coordinates: readonly Coordinate[]): Snap[] =>
    coordinates.map((c, i) => {
      const snap = network.snap(c.lat, c.lon);
      if (snap === null) throw new OsrmHttpError('NoSegment', `Could not find a matching segment for coordinate ${i}`);
      return snap;
    });

  const answerTable = (coordinates: Coordinate[], query: URLSearchParams): Record<string, unknown> => {
    const sources = parseIndexList(query.get('sources'), coordinates.length, 'sources') ?? coordinates.map((_, i) => i);
    const destinations = parseIndexList(query.get('destinations'), coordinates.length, 'destinations') ?? coordinates.map((_, i) => i);
    // Same rule as osrm-routed's TablePlugin: the product of the counts against the square of the limit.
    if (sources.length * destinations.length > maxTableSize * maxTableSize) throw new OsrmHttpError('TooBig', 'Too many table coordinates');
    const annotations = (query.get('annotations') ?? 'duration').split(',');
    if (annotations.some((a) => a !== 'duration' && a !== 'distance')) throw new OsrmHttpError('InvalidOptions', 'Invalid annotations');
    const snaps = snapAll(coordinates);
    const durations: (number | null)[][] = [];
    const distances: (number | null)[][] = [];
    for (const s of sources) {
      const durationRow: (number | null)[] = [];
      const distanceRow: (number | null)[] = [];
      for (const d of destinations) {
        const journey = network.journey(snaps[s] as Snap, snaps[d] as Snap);
        durationRow.push(journey ? round1(journey.durationSec) : null);
        distanceRow.push(journey ? round1(journey.distanceM) : null);
      }
      durations.push(durationRow);
      distances.push(distanceRow);
    }
    return withVersion({
      code: 'Ok',
      ...(annotations.includes('duration') ? { durations } : {}),
      ...(annotations.includes('distance') ? { distances } : {}),
      sources: sources.map((s) => waypoint(snaps[s] as Snap, wantsHints(query))),
      destinations: destinations.map((d) => waypoint(snaps[d] as Snap, wantsHints(query))),
    });
  };

  const answerRoute = (coordinates: Coordinate[], query: URLSearchParams): Record<string, unknown> => {
    if (coordinates.length < 2) throw new OsrmHttpError('InvalidOptions', 'Number of coordinates needs to be at least two.');
    const geometries = query.get('geometries') ?? 'polyline';
    if (!['polyline', 'polyline6', 'geojson'].includes(geometries)) throw new OsrmHttpError('InvalidOptions', 'Invalid geometries');
    const snaps = snapAll(coordinates);
    const legs: Record<string, unknown>[] = [];
    const line: [number, number][] = [];
    /** Appends a vertex unless it repeats the last one (a snap onto a node is both). */
    const extend = (lon: number, lat: number): void => {
      const last = line[line.length - 1];
      if (last === undefined || last[0] !== lon || last[1] !== lat) line.push([lon, lat]);
    };
    extend((snaps[0] as Snap).lon, (snaps[0] as Snap).lat);
    for (let i = 1; i < snaps.length; i++) {
      const journey = network.journey(snaps[i - 1] as Snap, snaps[i] as Snap);
      if (journey === null) throw new OsrmHttpError('NoRoute', 'Impossible route between points');
      for (const node of journey.viaNodes) extend(network.node(node).lon, network.node(node).lat);
      extend((snaps[i] as Snap).lon, (snaps[i] as Snap).lat);
      legs.push({ distance: round1(journey.distanceM), duration: round1(journey.durationSec), weight: round1(journey.durationSec), summary: '', steps: [] });
    }
    const distance = legs.reduce((sum, leg) => sum + (leg.distance as number), 0);
    const duration = legs.reduce((sum, leg) => sum + (leg.duration as number), 0);
    const geometry =
      geometries === 'geojson'
        ? { type: 'LineString', coordinates: line }
        : encodePolylineForFake(line, geometries === 'polyline6' ? 6 : 5);
    return withVersion({
      code: 'Ok',
      routes: [{ geometry, legs, distance: round1(distance), duration: round1(duration), weight: round1(duration), weight_name: 'duration' }],
      waypoints: snaps.map((snap) => waypoint(snap, wantsHints(query))),
    });
  };

  const answerNearest = (coordinates: Coordinate[], query: URLSearchParams): Record<string, unknown> => {
    if (coordinates.length !== 1) throw new OsrmHttpError('InvalidOptions', 'Only one input coordinate is supported');
    const count = Number(query.get('number') ?? '1');
    if (!Number.isInteger(count) || count < 1) throw new OsrmHttpError('InvalidOptions', 'Number of results must be at least 1');
    const { lat, lon } = coordinates[0] as Coordinate;
    const snaps = network.nearestSnaps(lat, lon, count);
    if (snaps.length === 0) throw new OsrmHttpError('NoSegment', 'Could not find a matching segments for coordinate');
    return withVersion({ code: 'Ok', waypoints: snaps.map((snap) => waypoint(snap, wantsHints(query))) });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://fake-osrm');
    // /{service}/{version}/{profile}/{coordinates}[.json]
    const [, service = '', version = '', , rawCoordinates = ''] = url.pathname.split('/');
    const coordinatesText = decodeURIComponent(rawCoordinates).replace(/\.json$/, '');
    const query = url.searchParams;
    const coordinateCount = coordinatesText === '' ? 0 : coordinatesText.split(';').length;
    const countList = (value: string | null): number | null => (value === null || value === 'all' ? null : value.split(';').length);
    const logEntry: FakeOsrmRequest = {
      service,
      url: request.url ?? '',
      coordinates: coordinateCount,
      sources: service === 'table' ? countList(query.get('sources')) : null,
      destinations: service === 'table' ? countList(query.get('destinations')) : null,
      status: 0,
    };
    requests.push(logEntry);

    const injected = failures.find((f) => f.remaining > 0 && (f.failure.service === undefined || f.failure.service === service));
    if (injected) {
      injected.remaining--;
      const { delayMs, status, body, dropConnection } = injected.failure;
      if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (dropConnection) {
        request.socket.destroy();
        return;
      }
      if (status !== undefined || body !== undefined) {
        logEntry.status = status ?? 200;
        response.writeHead(logEntry.status, { 'content-type': body === undefined ? 'text/plain' : 'application/json' });
        response.end(body ?? `Injected failure ${status}`);
        return;
      }
      if (request.socket.destroyed) return;
    }

    const started = performance.now();
    let status = 200;
    let payload: Record<string, unknown>;
    try {
      if (request.method !== 'GET') throw new OsrmHttpError('InvalidUrl', 'Only GET is supported');
      if (version !== 'v1') throw new OsrmHttpError('InvalidVersion', `Service ${service} not found!`);
      const coordinates = parseCoordinates(coordinatesText);
      if (service === 'table') payload = answerTable(coordinates, query);
      else if (service === 'route') payload = answerRoute(coordinates, query);
      else if (service === 'nearest') payload = answerNearest(coordinates, query);
      else throw new OsrmHttpError('InvalidService', `Service ${service} not found!`);
    } catch (error) {
      if (!(error instanceof OsrmHttpError)) throw error;
      // osrm-routed answers every error code with HTTP 400 and {code, message}.
      status = 400;
      payload = { code: error.code, message: error.message };
    }
    const text = JSON.stringify(payload);
    logEntry.status = status;
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
    response.end(text);
    serverTimeMs += performance.now() - started;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Fake OSRM crashed: ${(error as Error).stack ?? String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get requestCount() {
      return requests.length;
    },
    get serverTimeMs() {
      return serverTimeMs;
    },
    failOn,
    resetLog() {
      requests.length = 0;
      serverTimeMs = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
