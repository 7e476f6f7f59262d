/**
 * What a ride's history says about its approval, and which of a caseworker's rides are news:
 * pure, so the booking page's list is decided here and tested without a database.
 */
import type { RideStatus } from './ride.schema.js';

/** One entry of a ride's history, in the order it happened (ride_event.seq). */
export interface HistoryEntry {
  readonly at: string;
  readonly actor: string;
  readonly from: RideStatus | null;
  readonly to: RideStatus;
  readonly reason: string | null;
}

export interface ApprovalTrail {
  readonly bookedBy: string;
  readonly bookedAt: string;
  readonly decision: { readonly status: 'APPROVED' | 'TURNED_DOWN'; readonly actor: string; readonly at: string; readonly reason: string | null } | null;
}

/**
 * Who booked the ride and who decided on it, or null for a ride that never waited for approval
 * (booked inside the gmina: its first status is already APPROVED). The first entry is the booking
 * (insertRide writes it with no previous status); the decision is the move out of REQUESTED to
 * APPROVED or TURNED_DOWN. An approval's stored text is a placeholder, not a reason anyone gave,
 * so only a turn-down carries its reason.
 */
export function approvalTrail(history: readonly HistoryEntry[]): ApprovalTrail | null {
  const first = history[0];
  if (!first || first.from !== null || first.to !== 'REQUESTED') return null;
  const move = history.find((e) => e.from === 'REQUESTED' && (e.to === 'APPROVED' || e.to === 'TURNED_DOWN'));
  return {
    bookedBy: first.actor,
    bookedAt: first.at,
    decision: move
      ? { status: move.to as 'APPROVED' | 'TURNED_DOWN', actor: move.actor, at: move.at, reason: move.to === 'TURNED_DOWN' ? move.reason : null }
      : null,
  };
}

/** The fields of a ride this sorting reads. */
export interface ApprovalCandidate {
  readonly status: RideStatus;
  readonly date: string;
  readonly arriveBy: string | null;
  readonly departAfter: string | null;
  readonly trail: ApprovalTrail;
}

const dayAndTime = (r: ApprovalCandidate) => `${r.date} ${r.arriveBy ?? r.departAfter ?? ''}`;

/**
 * The rides still awaiting a decision (by day and time: the nearest is the most pressing), and
 * those decided since `decidedSince` (newest decision first: what the caseworker has not seen yet).
 * A ride cancelled or closed while it waited has no decision to tell and is left out, as is one
 * decided before `decidedSince`.
 */
export function splitApprovals<T extends ApprovalCandidate>(rides: readonly T[], decidedSince: Date): { awaiting: T[]; decided: T[] } {
  const awaiting = rides.filter((r) => r.status === 'REQUESTED').sort((a, b) => dayAndTime(a).localeCompare(dayAndTime(b)));
  const decided = rides
    .filter((r) => r.trail.decision !== null && Date.parse(r.trail.decision.at) >= decidedSince.getTime())
    .sort((a, b) => Date.parse(b.trail.decision!.at) - Date.parse(a.trail.decision!.at) || dayAndTime(a).localeCompare(dayAndTime(b)));
  return { awaiting, decided };
}
