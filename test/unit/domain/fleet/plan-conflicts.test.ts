import { describe, expect, it } from 'vitest';
import { planConflicts, type PlannedRoute, type VehicleLimits } from '../../../../src/domain/fleet/plan-conflicts.js';

const bus: VehicleLimits = { shiftStartMin: 7 * 60, shiftEndMin: 15 * 60, seats: 8, wheelchairPlaces: 2, active: true };
const route = (over: Partial<PlannedRoute> = {}): PlannedRoute => ({
  date: '2026-11-25', revision: 2, published: true,
  startSec: 7 * 3600 + 10 * 60, endSec: 14 * 3600 + 40 * 60 + 0.4, stopCount: 6, maxSeats: 5, maxWheelchairs: 1,
  ...over,
});

describe('plans a vehicle change breaks', () => {
  it('finds none while the route fits the shift and the seats, to the second', () => {
    expect(planConflicts(bus, [route()])).toEqual([]);
    expect(planConflicts({ ...bus, shiftEndMin: 14 * 60 + 40 }, [route()])).toEqual([]);
  });

  it('names a route that runs past a shortened shift, with the day, the revision and what to do', () => {
    const [c] = planConflicts({ ...bus, shiftEndMin: 14 * 60 }, [route()]);
    expect(c).toEqual({
      date: '2026-11-25', revision: 2, published: true,
      message: 'Plan na 2026-11-25 (nr 2, opublikowany): trasa 07:10–14:40 wychodzi poza zmianę 07:00–14:00. Zaplanuj ten dzień ponownie.',
      messageEn: 'Plan for 2026-11-25 (no. 2, published): the route 07:10–14:40 runs outside the shift 07:00–14:00. Plan this day again.',
    });
    expect(planConflicts({ ...bus, shiftStartMin: 8 * 60 }, [route({ published: false })])[0]!.message).toBe(
      'Plan na 2026-11-25 (nr 2): trasa 07:10–14:40 wychodzi poza zmianę 08:00–15:00. Zaplanuj ten dzień ponownie.',
    );
  });

  it('names seats and wheelchair places taken away under a route, and a vehicle switched off', () => {
    const [c] = planConflicts({ ...bus, seats: 4, wheelchairPlaces: 0 }, [route()]);
    expect(c!.message).toContain('osób jadących naraz: 5, a miejsc w pojeździe: 4; wózków jadących naraz: 1, a miejsc na wózek: 0');
    expect(planConflicts({ ...bus, active: false }, [route()])[0]!.message).toContain('pojazd jest wyłączony, a ma w planie przystanków: 6');
  });

  it('leaves out a route with no stops', () => {
    expect(planConflicts({ ...bus, active: false, shiftEndMin: 8 * 60 }, [route({ stopCount: 0, maxSeats: 0, maxWheelchairs: 0 })])).toEqual([]);
  });
});
