import type { Problem } from '../model/problem.js';
import type { DestroyOperator, RepairOperator } from '../operators/operator.js';
import { randomRemoval } from '../operators/destroy/random-removal.js';
import { worstRemoval } from '../operators/destroy/worst-removal.js';
import { relatedRemoval } from '../operators/destroy/related-removal.js';
import { routeRemoval } from '../operators/destroy/route-removal.js';
import { stringRemoval } from '../operators/destroy/string-removal.js';
import { greedyInsertion } from '../operators/repair/greedy-insertion.js';
import { regretInsertion } from '../operators/repair/regret-insertion.js';
import { isLargeInstance } from './instance-size.js';

/** Ropke & Pisinger's destroy operators (2006) plus route removal; small instances add string removal. */
export const defaultDestroyOperators: readonly DestroyOperator[] = [randomRemoval, worstRemoval, relatedRemoval, routeRemoval];

/**
 * Destroy operators above LARGE_INSTANCE_REQUESTS: string removal alone, with small removals
 * (Alns.run). Regional day 1, 60 s of CPU, seeds 1–4: mean cost 929,300 against 952,600 with the
 * defaults (about 3.4 times the iterations, each aimed at one area); adding random removal back
 * to the adaptive choice made it worse on average and far less steady (DECISIONS D36).
 */
export const largeInstanceDestroyOperators: readonly DestroyOperator[] = [stringRemoval];

/** Every destroy operator, for tests that must cover them all. */
export const allDestroyOperators: readonly DestroyOperator[] = [...defaultDestroyOperators, ...largeInstanceDestroyOperators];

/**
 * Destroy operators up to LARGE_INSTANCE_REQUESTS: the defaults with string removal in the
 * adaptive choice. Cordeau's eight largest a-instances, 10 s of CPU, seeds 1–6: mean gap 0.405 %
 * against 0.515 % without it (with the colder end of the annealing, D66).
 */
export const smallInstanceDestroyOperators: readonly DestroyOperator[] = [...defaultDestroyOperators, stringRemoval];

export function destroyOperatorsFor(p: Problem): readonly DestroyOperator[] {
  return isLargeInstance(p) ? largeInstanceDestroyOperators : smallInstanceDestroyOperators;
}

/** The default repair operators; each is also tried with noise, as a separate arm of the adaptive choice. */
export const defaultRepairOperators: readonly RepairOperator[] = [
  greedyInsertion,
  regretInsertion(2),
  regretInsertion(3),
  regretInsertion(4),
];
