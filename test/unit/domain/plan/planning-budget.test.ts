import { describe, expect, it } from 'vitest';
import { FROM_PLAN_SHARE, planningSeconds, RIDES_PER_SECOND } from '../../../../src/domain/plan/planning-budget.js';

describe('the optimiser budget of a day', () => {
  const defaults = { limitSec: 60, minSec: 2 };

  it('gives a small gmina day the floor, not the whole limit', () => {
    expect(planningSeconds(5, defaults)).toBe(2);
    expect(planningSeconds(0, defaults)).toBe(2);
  });

  it('grows with the number of rides between the floor and the limit', () => {
    expect(planningSeconds(33, defaults)).toBe(33 / RIDES_PER_SECOND);
    expect(planningSeconds(33, defaults)).toBe(3.3);
    expect(planningSeconds(100, defaults)).toBeCloseTo(10, 9);
    expect(planningSeconds(300, defaults)).toBeCloseTo(30, 9);
    expect(planningSeconds(300, defaults)).toBeGreaterThan(planningSeconds(200, defaults));
  });

  it('never exceeds the limit: a regional day of 1,000 rides gets 60 s', () => {
    expect(planningSeconds(1000, defaults)).toBe(60);
    expect(planningSeconds(1000, { limitSec: 10, minSec: 2 })).toBe(10);
  });

  it('gives a quarter of it to a re-solve that starts from the round before, above the floor', () => {
    expect(planningSeconds(1000, defaults, true)).toBe(60 * FROM_PLAN_SHARE);
    expect(planningSeconds(1000, defaults, true)).toBe(15);
    expect(planningSeconds(33, defaults, true)).toBe(2);
  });

  it('keeps the limit when the floor is set above it', () => {
    expect(planningSeconds(5, { limitSec: 4, minSec: 10 })).toBe(4);
  });

  it('gives every day the same budget when floor and limit are equal (the behaviour before D39)', () => {
    for (const rides of [1, 33, 250, 1000]) expect(planningSeconds(rides, { limitSec: 10, minSec: 10 })).toBe(10);
  });
});
