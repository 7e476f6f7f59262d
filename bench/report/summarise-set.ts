import type { BenchmarkFormat } from '../readers/benchmark-instance.js';
import type { BestKnown } from './best-known.js';

/** One solved benchmark instance as the runner records it. */
export interface InstanceResult {
  readonly instance: string;
  readonly vehicles: number;
  readonly distance: number;
  readonly unassigned: number;
  readonly seconds: number;
  /** Violations found by the independent checker (full solution and file-id routes); empty = feasible. */
  readonly violations: readonly string[];
  readonly bestKnown?: BestKnown;
  /** Set when the solve process failed; the other numbers are then NaN. */
  readonly error?: string;
}

/** Feasible = no checker violation, every request served, no process error. */
export function isFeasible(result: InstanceResult): boolean {
  return result.error === undefined && result.violations.length === 0 && result.unassigned === 0;
}

/**
 * Distance gap to the best known, in percent. For Li & Lim (vehicles first) it is defined only
 * when the vehicle counts are equal; otherwise undefined.
 */
export function gapPercent(result: InstanceResult): number | undefined {
  const best = result.bestKnown;
  if (best === undefined || !Number.isFinite(result.distance)) return undefined;
  if (best.vehicles !== undefined && best.vehicles !== result.vehicles) return undefined;
  return ((result.distance - best.distance) / best.distance) * 100;
}

export interface SetSummary {
  readonly instances: number;
  readonly feasible: number;
  /** Mean gap over feasible instances that have a gap (Li & Lim: where the vehicle count matches). */
  readonly meanGapPercent: number | undefined;
  /** Feasible instances within 0.01 % of the best-known distance (with its vehicle count for Li & Lim). */
  readonly matchedBestKnown: number;
  /** Li & Lim only: feasible instances using at most the best-known number of vehicles. */
  readonly bestKnownVehicleCount?: number;
  readonly meanSeconds: number;
}

const MATCH_TOLERANCE_PERCENT = 0.01;

export function summariseSet(format: BenchmarkFormat, results: readonly InstanceResult[]): SetSummary {
  const feasible = results.filter(isFeasible);
  const gaps = feasible.map(gapPercent).filter((gap): gap is number => gap !== undefined);
  const summary: SetSummary = {
    instances: results.length,
    feasible: feasible.length,
    meanGapPercent: gaps.length === 0 ? undefined : gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length,
    matchedBestKnown: gaps.filter((gap) => gap <= MATCH_TOLERANCE_PERCENT).length,
    meanSeconds: results.length === 0 ? 0 : results.reduce((sum, r) => sum + (Number.isFinite(r.seconds) ? r.seconds : 0), 0) / results.length,
  };
  if (format !== 'lilim') return summary;
  const bestKnownVehicleCount = feasible.filter((r) => r.bestKnown?.vehicles !== undefined && r.vehicles <= r.bestKnown.vehicles).length;
  return { ...summary, bestKnownVehicleCount };
}
