import { describe, expect, it } from 'vitest';
import { mayOpenQueueDashboard } from '../../../src/api/routes/queue-dashboard.routes.js';

describe('mayOpenQueueDashboard', () => {
  it('with INSTALLATION_ADMINS, admits the listed logins only, whatever the number of organisations', () => {
    expect(mayOpenQueueDashboard('anna.admin', ['anna.admin'], 5)).toBe(true);
    expect(mayOpenQueueDashboard('Anna.Admin', ['anna.admin'], 1)).toBe(true);
    expect(mayOpenQueueDashboard('bogdan', ['anna.admin'], 1)).toBe(false);
    expect(mayOpenQueueDashboard(null, ['anna.admin'], 1)).toBe(false);
  });

  it('without it, admits the ADMIN of a one-organisation installation and no one once there are more', () => {
    expect(mayOpenQueueDashboard('anna.admin', [], 1)).toBe(true);
    expect(mayOpenQueueDashboard('anna.admin', [], 2)).toBe(false);
    expect(mayOpenQueueDashboard('anna.admin', [], 0)).toBe(false);
  });
});
