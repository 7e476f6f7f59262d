import type { Instance, Request } from '../../src/solver/model/instance.js';
import type { BenchmarkInstance } from './benchmark-instance.js';
import { euclideanMatrix, largestEntry, parseNumericLines } from './numeric-lines.js';

/** The header of a Cordeau DARP file: `K n T Q L`. */
export interface CordeauHeader {
  readonly vehicleCount: number;
  readonly requestCount: number;
  /** Maximum route duration T; also the depot window [0, T]. */
  readonly maxRouteDuration: number;
  readonly capacity: number;
  readonly maxRideTime: number;
}

export interface CordeauInstance extends BenchmarkInstance {
  readonly format: 'cordeau';
  readonly name?: string;
  readonly header: CordeauHeader;
}

const NODE_FIELDS = 7;

/**
 * Parses a Cordeau (2006) DARP file (see ../shared/benchmarks/darp-cordeau/README.md).
 *
 * Node l of the file is location l: 0 = start depot, 1..n pickups, n+1..2n drop-offs, 2n+1 = end
 * depot. Request r (0-based) is file pickup r+1 and drop-off n+r+1. Travel time = distance =
 * Euclidean; the fleet is K identical vehicles with one layout [Q], maximum duration T and the
 * depot windows as shift. Ride time is measured from the end of pickup service, as in the BKS.
 */
export function parseCordeau(text: string, name?: string): CordeauInstance {
  const rows = parseNumericLines(text, 'Cordeau file');
  const headerRow = rows[0];
  if (headerRow === undefined || headerRow.length < 5) {
    throw new Error('Cordeau file: the first line must hold K n T Q L');
  }
  const [vehicleCount, requestCount, maxRouteDuration, capacity, maxRideTime] = headerRow as [
    number, number, number, number, number,
  ];
  const nodeCount = 2 * requestCount + 2;
  const nodeRows = rows.slice(1);
  if (nodeRows.length !== nodeCount) {
    throw new Error(`Cordeau file: expected ${nodeCount} node lines for n = ${requestCount}, found ${nodeRows.length}`);
  }
  nodeRows.forEach((row, index) => {
    if (row.length < NODE_FIELDS) throw new Error(`Cordeau file: node line ${index} has ${row.length} fields, expected ${NODE_FIELDS}`);
    if (row[0] !== index) throw new Error(`Cordeau file: node line ${index} has id ${row[0]}`);
  });
  const field = (node: number, column: number): number => nodeRows[node]![column]!;
  const [X, Y, SERVICE, LOAD, TW_START, TW_END] = [1, 2, 3, 4, 5, 6];

  const matrix = euclideanMatrix(
    nodeRows.map((row) => row[X]!),
    nodeRows.map((row) => row[Y]!),
  );
  const stopSpec = (node: number) => ({
    location: node,
    twStart: field(node, TW_START),
    twEnd: field(node, TW_END),
    serviceTime: field(node, SERVICE),
  });

  const requests: Request[] = [];
  const pickupNode: number[] = [];
  const dropoffNode: number[] = [];
  for (let r = 0; r < requestCount; r++) {
    const pickup = r + 1;
    const dropoff = requestCount + r + 1;
    if (field(dropoff, LOAD) !== -field(pickup, LOAD)) {
      throw new Error(`Cordeau file: drop-off ${dropoff} load is not minus pickup ${pickup} load`);
    }
    requests.push({
      pickup: stopSpec(pickup),
      dropoff: stopSpec(dropoff),
      load: [field(pickup, LOAD)],
      maxRideTime,
      priority: 1,
    });
    pickupNode.push(pickup);
    dropoffNode.push(dropoff);
  }

  const endDepot = nodeCount - 1;
  const vehicle = {
    startLocation: 0,
    endLocation: endDepot,
    shiftStart: field(0, TW_START),
    shiftEnd: field(endDepot, TW_END),
    maxDuration: maxRouteDuration,
    layouts: [[capacity]],
    fixedCost: 0,
  };
  // Any solution drives at most 2n + K legs, so this bounds every routing cost.
  const routeCostBound = (2 * requestCount + vehicleCount) * largestEntry(matrix);
  const instance: Instance = {
    loadDimensions: 1,
    requests,
    vehicles: Array.from({ length: vehicleCount }, () => vehicle),
    size: nodeCount,
    durations: matrix,
    distances: matrix,
    objective: 'distance',
    unassignedPenalty: 10 * routeCostBound + 1,
  };
  return {
    format: 'cordeau',
    ...(name === undefined ? {} : { name }),
    header: { vehicleCount, requestCount, maxRouteDuration, capacity, maxRideTime },
    instance,
    pickupNode,
    dropoffNode,
  };
}
