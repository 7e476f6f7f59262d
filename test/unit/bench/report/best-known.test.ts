import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBestKnown } from '../../../../bench/report/best-known.js';

const shared = (path: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/benchmarks/${path}`, import.meta.url)), 'utf8');

describe('parseBestKnown', () => {
  it('reads the Cordeau costs, ignoring commas inside the quoted source', () => {
    const table = parseBestKnown(shared('darp-cordeau/bks.csv'));

    expect(table.size).toBe(24);
    expect(table.get('a2-16')).toEqual({ distance: 294.248 });
    expect(table.get('a8-96')).toEqual({ distance: 1229.6649 });
  });

  it('reads the Li & Lim vehicle counts and distances', () => {
    const table = parseBestKnown(shared('pdptw-lilim/bks.csv'));

    expect(table.size).toBe(56);
    expect(table.get('lc101')).toEqual({ vehicles: 10, distance: 828.9369 });
  });

  it('rejects an unknown header', () => {
    expect(() => parseBestKnown('name,cost\nx,1\n')).toThrow(/unexpected header/);
  });
});
