import { expect } from 'vitest';
import type { apiFor } from './test-context.js';
import { waitFor } from './wait-for.js';

type Api = ReturnType<typeof apiFor>;

/** Polls a plan until the worker has finished it (DONE or FAILED); returns the plan view. */
export function finishedPlan(api: Api, planId: string, timeoutMs = 60_000): Promise<any> {
  return waitFor(async () => {
    const p = (await api.get(`/plans/${planId}`)).body;
    return p.status === 'DONE' || p.status === 'FAILED' ? p : null;
  }, timeoutMs);
}

/** Asks for a plan of the day (202, QUEUED) and waits for the worker to finish it. */
export async function planAndWait(api: Api, date: string): Promise<any> {
  const started = await api.post('/plans', { date });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe('QUEUED');
  return finishedPlan(api, started.body.id);
}
