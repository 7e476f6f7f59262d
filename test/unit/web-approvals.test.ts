import { describe, expect, it } from 'vitest';
import { actorLabel, bookingOutcome, otherAwaitingDays, shortDay } from '../../web/src/approvals.js';

describe('the booking answer', () => {
  it('is "booked" only when no leg awaits approval', () => {
    expect(bookingOutcome([{ status: 'APPROVED' }, null])).toBe('booked');
    expect(bookingOutcome([{ status: 'APPROVED' }, { status: 'APPROVED' }])).toBe('booked');
    expect(bookingOutcome([{ status: 'REQUESTED' }, null])).toBe('awaitingApproval');
    expect(bookingOutcome([{ status: 'APPROVED' }, { status: 'REQUESTED' }])).toBe('awaitingApproval');
    expect(bookingOutcome([])).toBe('booked');
  });
});

describe('the board’s other days awaiting approval', () => {
  it('leaves out the day shown and days with none, in date order', () => {
    const days = [
      { date: '2026-11-27', count: 1 },
      { date: '2026-11-24', count: 3 },
      { date: '2026-11-25', count: 2 },
      { date: '2026-11-26', count: 0 },
    ];
    expect(otherAwaitingDays(days, '2026-11-24')).toEqual([{ date: '2026-11-25', count: 2 }, { date: '2026-11-27', count: 1 }]);
    expect(otherAwaitingDays(days, '2026-12-01').map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-27']);
  });

  it('labels a day briefly in either language, on the Warsaw calendar', () => {
    expect(shortDay('2026-11-25', 'pl')).toBe('śr 25.11');
    expect(shortDay('2026-11-25', 'en')).toBe('Wed 25/11');
    // The day the clocks go back is still that Sunday.
    expect(shortDay('2026-10-25', 'pl')).toBe('niedz 25.10');
  });
});

describe('who decided or booked', () => {
  const words = { recurring: 'przejazd co tydzień', unknown: 'nieznany' };
  it('names a person or token, a weekly pattern’s job, else the stored actor', () => {
    expect(actorLabel({ actor: '8b1c…', name: 'Dorota Dyspozytor' }, words)).toBe('Dorota Dyspozytor');
    expect(actorLabel({ actor: 'recurring', name: null }, words)).toBe('przejazd co tydzień');
    expect(actorLabel({ actor: 'system', name: null }, words)).toBe('system');
    expect(actorLabel({ actor: '', name: null }, words)).toBe('nieznany');
  });
});
