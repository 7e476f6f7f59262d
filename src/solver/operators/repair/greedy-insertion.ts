import type { RepairOperator } from '../operator.js';
import { insertByRegret } from './regret-insertion.js';

/** Cheapest insertion first, repeatedly, until nothing more fits (regret-1). */
export const greedyInsertion: RepairOperator = {
  name: 'greedy',
  apply: (state, rng, noise) => insertByRegret(state, 1, rng, noise),
};
