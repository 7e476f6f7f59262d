import { describe, expect, it } from 'vitest';
import { applyRideChange } from '../../src/domain/booking/change-ride.js';

const ride = { timeMode: 'ARRIVE_BY' as const, timeMin: 540, wheelchair: false, assistant: false, notes: 'furtka' };

describe('a ride change in words', () => {
  it('names a new time, its kind and the needs, and asks for a new place in the plan', () => {
    const c = applyRideChange(ride, { departAfter: '10:30', assistant: true });
    expect(c.next).toMatchObject({ timeMode: 'DEPART_AFTER', timeMin: 630, assistant: true, wheelchair: false, notes: 'furtka' });
    expect(c.changed.pl).toBe('godzina na 09:00 → od 10:30; opiekun: tak');
    expect(c.changed.en).toBe('time arrive by 09:00 → depart after 10:30; assistant: yes');
    expect(c.replan).toBe(true);
  });
  it('keeps the plan for a note alone, and an empty note clears it', () => {
    const c = applyRideChange(ride, { notes: '' });
    expect(c.next.notes).toBeNull();
    expect(c.changed.pl).toBe('uwagi dla kierowcy');
    expect(c.replan).toBe(false);
  });
  it('sees nothing to change when the values are the ones the ride has', () => {
    const c = applyRideChange(ride, { arriveBy: '09:00', wheelchair: false, notes: 'furtka' });
    expect(c.changed).toEqual({ pl: '', en: '' });
    expect(c.replan).toBe(false);
  });
});
