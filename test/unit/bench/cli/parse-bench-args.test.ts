import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../../bench/cli/parse-bench-args.js';

describe('parseBenchArgs', () => {
  it('runs everything with the default seed when given nothing', () => {
    expect(parseBenchArgs([])).toEqual({ folder: undefined, timeLimitSec: undefined, seed: 1, instances: undefined, cpuClock: false, referenceTimeLimitSec: undefined });
  });

  it('reads a folder, a time limit, a seed and an instance list', () => {
    expect(parseBenchArgs(['pdptw-lilim', '--time-limit', '5', '--seed=3', '--instances', 'lc101, lr201', '--cpu-clock'])).toEqual({
      folder: 'pdptw-lilim', timeLimitSec: 5, seed: 3, instances: ['lc101', 'lr201'], cpuClock: true, referenceTimeLimitSec: undefined,
    });
  });

  it('reads a reference budget for the regional day', () => {
    expect(parseBenchArgs(['regional', '--reference-time-limit', '300', '--cpu-clock'])).toMatchObject({
      folder: 'regional', referenceTimeLimitSec: 300, cpuClock: true,
    });
  });

  it.each([
    [['--time-limit', 'x'], /--time-limit must be a positive number of seconds, got "x"/],
    [['--time-limit'], /--time-limit needs a value/],
    [['a', 'b'], /only one FOLDER expected/],
    [['--fast'], /unknown option --fast/],
    [['--seed', '1e3'], /--seed must be a non-negative integer/],
    [['regional', '--reference-time-limit', '-5'], /--reference-time-limit must be a positive number of seconds, got "-5"/],
    [['pdptw-lilim', '--reference-time-limit', '300'], /applies to the regional day only/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
