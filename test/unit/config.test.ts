import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('works on a development machine with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/dowoz', REDIS_URL: 'redis://127.0.0.1:6379', PORT: 3000 });
    expect(c.OSRM_URL).toBeUndefined();
    // The optimiser gets 0.1 s per ride between these (D39).
    expect(c).toMatchObject({ PLAN_TIME_LIMIT_SEC: 60, PLAN_MIN_TIME_SEC: 2 });
  });

  it('treats an empty OSRM_URL as not set, and reads numbers', () => {
    // docker-compose passes unset variables as empty strings.
    const c = loadConfig({ OSRM_URL: '', DEFAULT_ORGANISATION: '', PORT: '8080', PLAN_TIME_LIMIT_SEC: '2.5' });
    expect(c.OSRM_URL).toBeUndefined();
    expect(c.DEFAULT_ORGANISATION).toBeUndefined();
    expect(c.PORT).toBe(8080);
    expect(c.PLAN_TIME_LIMIT_SEC).toBe(2.5);
  });

  it('refuses an optimiser floor that is not a positive number of seconds', () => {
    expect(() => loadConfig({ PLAN_MIN_TIME_SEC: '0' })).toThrow(/PLAN_MIN_TIME_SEC/);
    expect(() => loadConfig({ PLAN_MIN_TIME_SEC: 'soon' })).toThrow(/PLAN_MIN_TIME_SEC/);
    expect(loadConfig({ PLAN_MIN_TIME_SEC: '0.5' }).PLAN_MIN_TIME_SEC).toBe(0.5);
  });

  it('stops with a message naming every bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', OSRM_URL: 'osrm.local' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', OSRM_URL: 'osrm.local' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('PORT');
      expect(message).toContain('OSRM_URL');
    }
  });
});
