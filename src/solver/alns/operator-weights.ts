import type { Rng } from './rng.js';

/** Scores of Ropke & Pisinger (2006): new best, better than current, accepted though worse. */
export const SCORE_NEW_BEST = 33;
export const SCORE_BETTER = 9;
export const SCORE_ACCEPTED = 13;
/** Reaction factor: how fast weights follow the last segment's scores. */
const REACTION = 0.1;
/** Iterations per segment, after which weights are updated. */
export const SEGMENT_LENGTH = 100;

/**
 * Adaptive operator weights: roulette-wheel choice; each segment, an operator's weight moves
 * towards its average score over its uses in that segment.
 */
export class OperatorWeights {
  /** Index = operator: current weight (> 0). */
  readonly weights: Float64Array;
  /** Index = operator: score collected in the current segment. */
  private readonly scores: Float64Array;
  /** Index = operator: uses in the current segment. */
  private readonly uses: Int32Array;

  constructor(count: number) {
    this.weights = new Float64Array(count).fill(1);
    this.scores = new Float64Array(count);
    this.uses = new Int32Array(count);
  }

  select(rng: Rng): number {
    let total = 0;
    for (let k = 0; k < this.weights.length; k++) total += this.weights[k]!;
    let x = rng.next() * total;
    for (let k = 0; k < this.weights.length; k++) {
      x -= this.weights[k]!;
      if (x < 0) return k;
    }
    return this.weights.length - 1;
  }

  reward(operator: number, score: number): void {
    this.scores[operator] = this.scores[operator]! + score;
    this.uses[operator] = this.uses[operator]! + 1;
  }

  endSegment(): void {
    for (let k = 0; k < this.weights.length; k++) {
      const uses = this.uses[k]!;
      if (uses > 0) {
        const w = this.weights[k]! * (1 - REACTION) + REACTION * (this.scores[k]! / uses);
        this.weights[k] = Math.max(w, 0.05);
      }
      this.scores[k] = 0;
      this.uses[k] = 0;
    }
  }
}
