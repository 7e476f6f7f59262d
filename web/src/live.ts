/**
 * The live plan as the API sends it (contract §2: version, publication, locks, re-estimated
 * times, actual times, the list of changes), under the names the board and driver pages use.
 */
import type { Manifest, PlanRouteView, PlanStopView, PlanView } from './types.js';
export type { PlanChangeView as PlanChange } from '../../src/domain/plan/plan.schema.js';

export type LiveStop = PlanStopView;
export type LiveRoute = PlanRouteView;
export type LivePlan = PlanView;
export type LiveManifest = Manifest;

/** POST /plans/:id/moves when the move is feasible (dry run or applied). */
export type { MoveAnswer as MoveVerdict } from '../../src/domain/plan/live/move-ride.js';
