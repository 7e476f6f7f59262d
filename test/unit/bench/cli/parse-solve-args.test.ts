import { describe, expect, it } from 'vitest';
import { parseSolveArgs, UsageError } from '../../../../bench/cli/parse-solve-args.js';

describe('parseSolveArgs', () => {
  it('reads format, time limit, seed and file in any order, with or without "="', () => {
    expect(parseSolveArgs(['a2-16.txt', '--seed=7', '--time-limit', '2.5', '--format', 'cordeau'])).toEqual({
      format: 'cordeau', timeLimitSec: 2.5, seed: 7, file: 'a2-16.txt', check: false, cpuClock: false,
    });
  });

  it('leaves the seed undefined when not given and reads --check and --cpu-clock', () => {
    expect(parseSolveArgs(['--format=lilim', '--time-limit=30', '--check', '--cpu-clock', 'lc101.txt'])).toEqual({
      format: 'lilim', timeLimitSec: 30, seed: undefined, file: 'lc101.txt', check: true, cpuClock: true,
    });
  });

  it.each([
    [['--time-limit', '1', 'f'], /--format is required/],
    [['--format', 'vrp', '--time-limit', '1', 'f'], /--format must be cordeau or lilim, got "vrp"/],
    [['--format', 'cordeau', 'f'], /--time-limit is required/],
    [['--format', 'cordeau', '--time-limit', '0', 'f'], /--time-limit must be a positive number of seconds, got "0"/],
    [['--format', 'cordeau', '--time-limit', 'ten', 'f'], /--time-limit must be a positive number/],
    [['--format', 'cordeau', '--time-limit', '1', '--seed', '-3', 'f'], /--seed must be a non-negative integer, got "-3"/],
    [['--format', 'cordeau', '--time-limit', '1', '--seed=1.5', 'f'], /--seed must be a non-negative integer, got "1.5"/],
    [['--format', 'cordeau', '--time-limit', '1'], /FILE is required/],
    [['--format', 'cordeau', '--time-limit', '1', 'a', 'b'], /exactly one FILE expected, got 2/],
    [['--format', 'cordeau', '--time-limit', '1', '--verbose', 'f'], /unknown option --verbose/],
    [['--format'], /--format needs a value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSolveArgs(argv)).toThrow(UsageError);
    expect(() => parseSolveArgs(argv)).toThrow(message);
  });

  it('answers help for --help', () => {
    expect(parseSolveArgs(['--help'])).toBe('help');
  });
});
