import type { DestroyOperator, RepairOperator } from '../operators/operator.js';
import { randomRemoval } from '../operators/destroy/random-removal.js';
import { worstRemoval } from '../operators/destroy/worst-removal.js';
import { relatedRemoval } from '../operators/destroy/related-removal.js';
import { routeRemoval } from '../operators/destroy/route-removal.js';
import { greedyInsertion } from '../operators/repair/greedy-insertion.js';
import { regretInsertion } from '../operators/repair/regret-insertion.js';

/** The default destroy operators (Ropke & Pisinger 2006, plus route removal). */
export const defaultDestroyOperators: readonly DestroyOperator[] = [randomRemoval, worstRemoval, relatedRemoval, routeRemoval];

/** The default repair operators; each is also tried with noise, as a separate arm of the adaptive choice. */
export const defaultRepairOperators: readonly RepairOperator[] = [
  greedyInsertion,
  regretInsertion(2),
  regretInsertion(3),
  regretInsertion(4),
];
