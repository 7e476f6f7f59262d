import type { Rng } from './rng.js';

/**
 * Simulated-annealing acceptance (Ropke & Pisinger 2006). The start temperature accepts a
 * solution `startWorse` (a share, e.g. 0.03) worse than the initial routing cost with probability
 * 1/2; it cools geometrically to `endRatio` of that over the budget, measured as the fraction used,
 * so the schedule fits any time limit. The solver's values are chosen in `annealingFor` (alns.ts).
 */
export class SimulatedAnnealing {
  private readonly startTemperature: number;

  constructor(
    referenceCost: number,
    startWorse: number,
    private readonly endRatio: number,
  ) {
    this.startTemperature = Math.max((startWorse * Math.max(referenceCost, 1e-9)) / Math.LN2, 1e-12);
  }

  temperature(fraction: number): number {
    return this.startTemperature * Math.pow(this.endRatio, fraction);
  }

  accepts(candidateCost: number, currentCost: number, fraction: number, rng: Rng): boolean {
    if (candidateCost <= currentCost) return true;
    const t = this.temperature(fraction);
    return rng.next() < Math.exp(-(candidateCost - currentCost) / t);
  }
}
