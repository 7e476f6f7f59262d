import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { BenchmarkFormat, BenchmarkInstance } from './readers/benchmark-instance.js';
import { parseCordeau } from './readers/cordeau.js';
import { parseLiLim } from './readers/lilim.js';

/** Reads and parses a benchmark file; the instance name is the file name without extension. */
export function loadBenchmark(format: BenchmarkFormat, file: string): BenchmarkInstance {
  const text = readFileSync(file, 'utf8');
  const name = basename(file, extname(file));
  return format === 'cordeau' ? parseCordeau(text, name) : parseLiLim(text, name);
}
