import type { Instance, Request } from '../../src/solver/model/instance.js';
import type { BenchmarkInstance } from './benchmark-instance.js';
import { euclideanMatrix, largestEntry, parseNumericLines } from './numeric-lines.js';

/** The header of a Li & Lim PDPTW file: `K Q S`. */
export interface LiLimHeader {
  readonly vehicleCount: number;
  readonly capacity: number;
  /** Present in the file, not used: travel time = distance regardless. */
  readonly speed: number;
}

export interface LiLimInstance extends BenchmarkInstance {
  readonly format: 'lilim';
  readonly name?: string;
  readonly header: LiLimHeader;
}

const TASK_FIELDS = 9;

/**
 * Parses a Li & Lim (2001) PDPTW file (see ../shared/benchmarks/pdptw-lilim/README.md).
 *
 * Task t of the file is location t (0 = depot, both start and end). Requests are the pickup tasks
 * (demand > 0, delivery index ≠ 0) in ascending task number. The objective is vehicles first, then
 * distance: every vehicle carries a fixed cost larger than any total distance, so one vehicle less
 * always wins. There is no ride-time limit and no route-duration limit beyond the depot window.
 */
export function parseLiLim(text: string, name?: string): LiLimInstance {
  const rows = parseNumericLines(text, 'Li & Lim file');
  const headerRow = rows[0];
  if (headerRow === undefined || headerRow.length < 3) {
    throw new Error('Li & Lim file: the first line must hold K Q S');
  }
  const [vehicleCount, capacity, speed] = headerRow as [number, number, number];
  const taskRows = rows.slice(1);
  if (taskRows.length < 1) throw new Error('Li & Lim file: no depot line');
  taskRows.forEach((row, index) => {
    if (row.length < TASK_FIELDS) throw new Error(`Li & Lim file: task line ${index} has ${row.length} fields, expected ${TASK_FIELDS}`);
    if (row[0] !== index) throw new Error(`Li & Lim file: task line ${index} has id ${row[0]}`);
  });
  const [X, Y, DEMAND, TW_START, TW_END, SERVICE, PICKUP_INDEX, DELIVERY_INDEX] = [1, 2, 3, 4, 5, 6, 7, 8];
  const field = (task: number, column: number): number => taskRows[task]![column]!;

  const matrix = euclideanMatrix(
    taskRows.map((row) => row[X]!),
    taskRows.map((row) => row[Y]!),
  );
  const stopSpec = (task: number) => ({
    location: task,
    twStart: field(task, TW_START),
    twEnd: field(task, TW_END),
    serviceTime: field(task, SERVICE),
  });

  const requests: Request[] = [];
  const pickupNode: number[] = [];
  const dropoffNode: number[] = [];
  const taskCount = taskRows.length;
  for (let task = 1; task < taskCount; task++) {
    const delivery = field(task, DELIVERY_INDEX);
    if (delivery === 0) continue;
    if (delivery < 1 || delivery >= taskCount || field(delivery, PICKUP_INDEX) !== task) {
      throw new Error(`Li & Lim file: pickup ${task} names delivery ${delivery}, which does not name it back`);
    }
    if (field(delivery, DEMAND) !== -field(task, DEMAND)) {
      throw new Error(`Li & Lim file: delivery ${delivery} demand is not minus pickup ${task} demand`);
    }
    requests.push({
      pickup: stopSpec(task),
      dropoff: stopSpec(delivery),
      load: [field(task, DEMAND)],
      maxRideTime: Infinity,
      priority: 1,
    });
    pickupNode.push(task);
    dropoffNode.push(delivery);
  }
  if (2 * requests.length !== taskCount - 1) {
    throw new Error(`Li & Lim file: ${taskCount - 1} tasks but ${requests.length} pickup/delivery pairs`);
  }

  // Any solution drives at most 2n + K legs, so one vehicle's fixed cost above this bound makes
  // a solution with fewer vehicles cheaper whatever the distances (vehicles first, then distance).
  const routeCostBound = (2 * requests.length + vehicleCount) * largestEntry(matrix);
  const fixedCost = Math.ceil(routeCostBound) + 1;
  const vehicle = {
    startLocation: 0,
    endLocation: 0,
    shiftStart: field(0, TW_START),
    shiftEnd: field(0, TW_END),
    maxDuration: Infinity,
    layouts: [[capacity]],
    fixedCost,
  };
  const instance: Instance = {
    loadDimensions: 1,
    requests,
    vehicles: Array.from({ length: vehicleCount }, () => vehicle),
    size: taskCount,
    durations: matrix,
    distances: matrix,
    objective: 'distance',
    unassignedPenalty: 10 * (routeCostBound + vehicleCount * fixedCost),
  };
  return {
    format: 'lilim',
    ...(name === undefined ? {} : { name }),
    header: { vehicleCount, capacity, speed },
    instance,
    pickupNode,
    dropoffNode,
  };
}
