import { describe, expect, it } from 'vitest';
import { approvalTrail, splitApprovals, type HistoryEntry } from '../../../../src/domain/booking/approval.rules.js';

const booked = (actor: string, to: 'REQUESTED' | 'APPROVED' = 'REQUESTED'): HistoryEntry => ({
  at: '2026-11-20T09:00:00.000Z', actor, from: null, to, reason: 'poza gminą: czeka na zatwierdzenie / leaves the gmina: awaiting approval',
});

describe('a ride’s approval trail', () => {
  it('names who booked a ride still waiting, with no decision', () => {
    expect(approvalTrail([booked('anna')])).toEqual({ bookedBy: 'anna', bookedAt: '2026-11-20T09:00:00.000Z', decision: null });
  });

  it('is null for a ride that never waited (booked inside the gmina) and for no history', () => {
    expect(approvalTrail([booked('anna', 'APPROVED')])).toBeNull();
    expect(approvalTrail([])).toBeNull();
  });

  it('gives a turn-down with the dispatcher and the reason', () => {
    const trail = approvalTrail([booked('anna'), { at: '2026-11-21T10:00:00.000Z', actor: 'dorota', from: 'REQUESTED', to: 'TURNED_DOWN', reason: 'Brak kierowcy' }]);
    expect(trail?.decision).toEqual({ status: 'TURNED_DOWN', actor: 'dorota', at: '2026-11-21T10:00:00.000Z', reason: 'Brak kierowcy' });
  });

  it('gives an approval without the stored placeholder text, and keeps it after the ride moves on', () => {
    const trail = approvalTrail([
      booked('anna'),
      { at: '2026-11-21T10:00:00.000Z', actor: 'dorota', from: 'REQUESTED', to: 'APPROVED', reason: 'zatwierdzony / approved' },
      { at: '2026-11-22T10:00:00.000Z', actor: 'planner', from: 'APPROVED', to: 'SCHEDULED', reason: 'plan' },
      { at: '2026-11-22T11:00:00.000Z', actor: 'anna', from: 'SCHEDULED', to: 'CANCELLED', reason: 'Choroba' },
    ]);
    expect(trail?.decision).toEqual({ status: 'APPROVED', actor: 'dorota', at: '2026-11-21T10:00:00.000Z', reason: null });
  });

  it('has no decision for a ride cancelled while it waited', () => {
    expect(approvalTrail([booked('anna'), { at: '2026-11-21T10:00:00.000Z', actor: 'anna', from: 'REQUESTED', to: 'CANCELLED', reason: 'Rezygnacja' }])?.decision).toBeNull();
  });
});

describe('which rides the booking page lists', () => {
  const ride = (id: string, status: 'REQUESTED' | 'APPROVED' | 'TURNED_DOWN' | 'CANCELLED' | 'SCHEDULED', date: string, time: string, decidedAt?: string) => ({
    id,
    status,
    date,
    arriveBy: time,
    departAfter: null,
    trail: {
      bookedBy: 'anna',
      bookedAt: '2026-11-20T09:00:00.000Z',
      decision: decidedAt ? { status: status === 'TURNED_DOWN' ? ('TURNED_DOWN' as const) : ('APPROVED' as const), actor: 'dorota', at: decidedAt, reason: null } : null,
    },
  });
  const since = new Date('2026-11-16T12:00:00Z');

  it('lists the waiting ones by day and time, the decided ones since the cut newest first, and leaves out the rest', () => {
    const { awaiting, decided } = splitApprovals(
      [
        ride('later-day', 'REQUESTED', '2026-11-26', '08:00'),
        ride('same-day-late', 'REQUESTED', '2026-11-25', '12:00'),
        ride('same-day-early', 'REQUESTED', '2026-11-25', '09:00'),
        ride('approved-old', 'SCHEDULED', '2026-11-24', '09:00', '2026-11-10T08:00:00.000Z'),
        ride('approved', 'SCHEDULED', '2026-11-27', '09:00', '2026-11-21T08:00:00.000Z'),
        ride('turned-down', 'TURNED_DOWN', '2026-11-24', '09:00', '2026-11-22T08:00:00.000Z'),
        ride('cancelled-waiting', 'CANCELLED', '2026-11-24', '09:00'),
      ],
      since,
    );
    expect(awaiting.map((r) => r.id)).toEqual(['same-day-early', 'same-day-late', 'later-day']);
    expect(decided.map((r) => r.id)).toEqual(['turned-down', 'approved']);
  });

  it('counts a decision made exactly at the cut', () => {
    expect(splitApprovals([ride('edge', 'APPROVED', '2026-11-24', '09:00', since.toISOString())], since).decided).toHaveLength(1);
  });
});
