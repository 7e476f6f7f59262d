import type { BenchmarkFormat } from '../readers/benchmark-instance.js';
import { gapPercent, isFeasible, type InstanceResult, type SetSummary } from './summarise-set.js';

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** A percentage without "-0.00": best-known values are rounded to 4 decimals, so tiny negatives are noise. */
export function formatPercent(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

function bestKnownCell(result: InstanceResult): string {
  const best = result.bestKnown;
  if (best === undefined) return '—';
  return best.vehicles === undefined ? best.distance.toFixed(4) : `${best.vehicles} / ${best.distance.toFixed(4)}`;
}

function gapCell(result: InstanceResult): string {
  const gap = gapPercent(result);
  if (gap !== undefined) return formatPercent(gap, 2);
  const bestVehicles = result.bestKnown?.vehicles;
  if (bestVehicles !== undefined && Number.isFinite(result.vehicles)) {
    const extra = result.vehicles - bestVehicles;
    return `${extra > 0 ? '+' : ''}${extra} veh`;
  }
  return '—';
}

function feasibleCell(result: InstanceResult): string {
  if (result.error !== undefined) return `error: ${result.error.split('\n')[0]}`;
  if (isFeasible(result)) return 'yes';
  const reasons = [...(result.unassigned > 0 ? [`${result.unassigned} unassigned`] : []), ...result.violations.slice(0, 2)];
  return `NO: ${reasons.join('; ')}${result.violations.length > 2 ? ` (+${result.violations.length - 2} more)` : ''}`;
}

export const TABLE_HEADER = '| instance | vehicles | distance | best known (veh / dist) | gap % | seconds | feasible |\n|---|---:|---:|---:|---:|---:|---|';

export function formatRow(result: InstanceResult): string {
  return `| ${result.instance} | ${fixed(result.vehicles, 0)} | ${fixed(result.distance, 4)} | ${bestKnownCell(result)} | ${gapCell(result)} | ${fixed(result.seconds, 1)} | ${feasibleCell(result)} |`;
}

export function formatSummary(format: BenchmarkFormat, summary: SetSummary): string {
  const lines = [
    `- instances: ${summary.instances}, feasible (all served, checker clean): ${summary.feasible}`,
    format === 'lilim'
      ? `- best-known vehicle count reached: ${summary.bestKnownVehicleCount ?? 0} of ${summary.instances}`
      : `- within 0.01 % of the optimum: ${summary.matchedBestKnown} of ${summary.instances}`,
    format === 'lilim'
      ? `- mean distance gap where the vehicle count matches: ${summary.meanGapPercent === undefined ? '—' : `${formatPercent(summary.meanGapPercent, 3)} %`}`
      : `- mean gap to best known (feasible instances): ${summary.meanGapPercent === undefined ? '—' : `${formatPercent(summary.meanGapPercent, 3)} %`}`,
    `- mean seconds per instance: ${summary.meanSeconds.toFixed(2)}`,
  ];
  return lines.join('\n');
}

export interface ReportHeading {
  readonly set: string;
  readonly date: string;
  readonly timeLimitSec: number;
  /** How the time limit was measured: 'wall clock' or 'in CPU time'. */
  readonly clock?: string;
  readonly seed: number;
  readonly machine: string;
}

export function formatReport(heading: ReportHeading, format: BenchmarkFormat, results: readonly InstanceResult[], summary: SetSummary): string {
  return [
    `# ${heading.set} — ${heading.date}`,
    '',
    `Time limit ${heading.timeLimitSec} s per instance${heading.clock === undefined ? '' : ` (${heading.clock})`}, seed ${heading.seed}, one solve at a time (${heading.machine}).`,
    '',
    TABLE_HEADER,
    ...results.map(formatRow),
    '',
    formatSummary(format, summary),
    '',
  ].join('\n');
}
