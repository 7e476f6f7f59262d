/**
 * Production docker-compose: the structure `docker-compose config` resolves (services, start
 * order, OSRM settings, no default secrets), and the OSRM preparation scripts in docker/osrm run
 * with fake osrm-extract, osrm-contract and curl on PATH (no Docker engine or OSRM here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const scripts = join(root, 'docker/osrm');

const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

interface ComposeService {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test: string[] };
}

/** Runs `docker-compose config` in the repository with exactly `env` set (plus PATH). */
function composeConfig(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('docker-compose', ['config'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function services(env: Record<string, string>): Record<string, ComposeService> {
  const result = composeConfig(env);
  expect(result.status, result.stderr).toBe(0);
  return (parse(result.stdout) as { services: Record<string, ComposeService> }).services;
}

function flagValue(command: string[], flag: string): string | undefined {
  const i = command.indexOf(flag);
  return i >= 0 ? command[i + 1] : undefined;
}

const composeSuite = hasDockerCompose ? 'docker-compose.yml' : 'docker-compose.yml (skipped: no docker-compose binary on PATH)';

describe.skipIf(!hasDockerCompose)(composeSuite, () => {
  it('refuses to start without POSTGRES_PASSWORD: no default secret', () => {
    const result = composeConfig({});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set POSTGRES_PASSWORD');
  });

  it('has every service, and starts the worker only after the migration, Redis and a healthy OSRM', () => {
    const s = services({ POSTGRES_PASSWORD: 'pw' });
    expect(Object.keys(s).sort()).toEqual(['api', 'migrate', 'osrm', 'osrm-download', 'osrm-prepare', 'postgres', 'redis', 'worker']);
    expect(s.worker.depends_on).toEqual({
      migrate: { condition: 'service_completed_successfully' },
      redis: { condition: 'service_healthy' },
      osrm: { condition: 'service_healthy' },
    });
    expect(s.osrm.depends_on).toEqual({ 'osrm-prepare': { condition: 'service_completed_successfully' } });
    expect(s['osrm-prepare'].depends_on).toEqual({ 'osrm-download': { condition: 'service_completed_successfully' } });
    expect(s.osrm.healthcheck?.test).toEqual(['CMD', 'sh', '/scripts/healthcheck.sh']);
  });

  it('serves contraction hierarchies from the prepared data, with the image that prepared it', () => {
    const s = services({ POSTGRES_PASSWORD: 'pw' });
    const command = s.osrm.command ?? [];
    expect(command[0]).toBe('osrm-routed');
    expect(flagValue(command, '--algorithm')).toBe('ch');
    expect(command.at(-1)).toBe('/data/current/region.osrm');
    expect(s.osrm.image).toMatch(/^ghcr\.io\/project-osrm\/osrm-backend:v\d+\.\d+\.\d+$/);
    expect(s['osrm-prepare'].image).toBe(s.osrm.image);
    expect(s['osrm-prepare'].environment?.OSM_EXTRACT_URL).toBe(
      'https://download.geofabrik.de/europe/poland/warminsko-mazurskie-latest.osm.pbf',
    );
    expect(s['osrm-download'].environment?.OSM_EXTRACT_URL).toBe(s['osrm-prepare'].environment?.OSM_EXTRACT_URL);
  });

  it('gives the worker the osrm service and the same max table size as osrm-routed, by default and when set', () => {
    const byDefault = services({ POSTGRES_PASSWORD: 'pw' });
    expect(byDefault.worker.environment?.OSRM_URL).toBe('http://osrm:5000');
    expect(byDefault.worker.environment?.OSRM_MAX_TABLE_SIZE).toBe('100');
    expect(flagValue(byDefault.osrm.command ?? [], '--max-table-size')).toBe('100');

    const set = services({ POSTGRES_PASSWORD: 'pw', OSRM_MAX_TABLE_SIZE: '250' });
    expect(set.worker.environment?.OSRM_MAX_TABLE_SIZE).toBe('250');
    expect(flagValue(set.osrm.command ?? [], '--max-table-size')).toBe('250');
  });

  it('keeps the labelled estimate when OSRM_URL is set but empty, and follows another region', () => {
    const s = services({
      POSTGRES_PASSWORD: 'pw',
      OSRM_URL: '',
      OSM_EXTRACT_URL: 'https://download.geofabrik.de/europe/poland/zachodniopomorskie-latest.osm.pbf',
    });
    expect(s.worker.environment?.OSRM_URL).toBe('');
    expect(s['osrm-download'].environment?.OSM_EXTRACT_URL).toContain('zachodniopomorskie');
    expect(s['osrm-prepare'].environment?.OSM_EXTRACT_URL).toContain('zachodniopomorskie');
  });

  it('lets the worker read the prepared data_version, read-only', () => {
    const s = services({ POSTGRES_PASSWORD: 'pw' });
    expect(s.worker.command?.slice(0, 2)).toEqual(['sh', 'docker/osrm/with-data-version.sh']);
    expect(s.worker.volumes).toContain('osrmdata:/osrm-data:ro');
    expect(s.osrm.volumes).toContain('osrmdata:/data:ro');
  });
});

/**
 * A sandbox with a data volume and fake tools: curl copies a local file (mtime = "Last-Modified"),
 * osrm-extract logs the header timestamp as OSRM does and writes region.osrm, osrm-contract writes
 * region.osrm.hsgr or fails on demand. Every call is appended to calls.log.
 */
function createSandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'dowoz-osrm-'));
  const bin = join(dir, 'bin');
  const data = join(dir, 'data');
  mkdirSync(bin);
  mkdirSync(data);
  const calls = join(dir, 'calls.log');
  writeFileSync(calls, '');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >>"${calls}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool(
    'curl',
    `out=""; while [ $# -gt 0 ]; do case "$1" in --output) out="$2"; shift 2;; *) shift;; esac; done
cp "$FAKE_EXTRACT" "$out"; touch -d "$FAKE_LAST_MODIFIED" "$out"`,
  );
  tool(
    'osrm-extract',
    `version=""; while [ $# -gt 1 ]; do case "$1" in --data_version) version="$2"; shift 2;; *) shift;; esac; done
echo "[info] input file generated by fake"
echo "[info] timestamp: \${FAKE_HEADER_TIMESTAMP:-n/a}"
echo "$version" >region.osrm`,
  );
  tool('osrm-contract', `[ "\${FAKE_CONTRACT_FAILS:-0}" = 1 ] && { echo "[error] std::bad_alloc"; exit 3; }; echo contracted >region.osrm.hsgr`);
  const extract = join(dir, 'extract.osm.pbf');
  writeFileSync(extract, 'PBF bytes');

  const run = (script: string, env: Record<string, string> = {}) =>
    spawnSync('sh', [join(scripts, script)], {
      env: {
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
        OSRM_DATA_DIR: data,
        OSM_EXTRACT_URL: 'https://download.example/region-a-latest.osm.pbf',
        FAKE_EXTRACT: extract,
        FAKE_LAST_MODIFIED: '2026-11-20T06:30:00Z',
        FAKE_HEADER_TIMESTAMP: '2026-11-21T21:21:02Z',
        ...env,
      },
      encoding: 'utf8',
    });
  /** download.sh then prepare.sh, as compose runs them; the first failure stops. */
  const prepare = (env: Record<string, string> = {}) => {
    const download = run('download.sh', env);
    return download.status === 0 ? run('prepare.sh', env) : download;
  };
  const callLines = () => readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  const clearCalls = () => writeFileSync(calls, '');
  const read = (path: string) => readFileSync(join(data, path), 'utf8').trim();
  return { dir, data, run, prepare, callLines, clearCalls, read, close: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('OSRM preparation scripts (docker/osrm)', () => {
  let box: ReturnType<typeof createSandbox>;
  beforeEach(() => {
    box = createSandbox();
  });
  afterEach(() => box.close());

  it('download, extract with the header timestamp as data_version, contract, and publish as current/', () => {
    const result = box.prepare();
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(box.callLines()).toEqual([
      expect.stringMatching(/^curl .*https:\/\/download\.example\/region-a-latest\.osm\.pbf$/),
      'osrm-extract -p /opt/car.lua --data_version osmosis region.osm.pbf',
      'osrm-contract region.osrm',
    ]);
    expect(box.read('current/data_version')).toBe('2026-11-21T21:21:02Z');
    expect(box.read('current/source_url')).toBe('https://download.example/region-a-latest.osm.pbf');
    expect(existsSync(join(box.data, 'current/region.osrm.hsgr'))).toBe(true);
    // The extract is not needed once prepared, and nothing is left half-built.
    expect(existsSync(join(box.data, 'current/region.osm.pbf'))).toBe(false);
    expect(readdirSync(box.data)).toEqual(['current']);
  });

  it('does nothing on the next start for the same URL, and prepares again for another URL or OSRM_REFRESH=1', () => {
    expect(box.prepare().status).toBe(0);
    box.clearCalls();
    const again = box.prepare();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already prepared');
    expect(box.callLines()).toEqual([]);

    expect(box.prepare({ OSRM_REFRESH: '1', FAKE_HEADER_TIMESTAMP: '2026-12-01T20:00:00Z' }).status).toBe(0);
    expect(box.callLines()).toHaveLength(3);
    expect(box.read('current/data_version')).toBe('2026-12-01T20:00:00Z');

    box.clearCalls();
    expect(box.prepare({ OSM_EXTRACT_URL: 'https://download.example/region-b-latest.osm.pbf' }).status).toBe(0);
    expect(box.callLines()[0]).toContain('region-b-latest');
    expect(box.read('current/source_url')).toBe('https://download.example/region-b-latest.osm.pbf');
  });

  it('falls back to the Last-Modified time when the header has no timestamp, and extracts with it', () => {
    const result = box.prepare({ FAKE_HEADER_TIMESTAMP: '' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(box.read('current/data_version')).toBe('2026-11-20T06:30:00Z');
    expect(box.callLines().slice(1)).toEqual([
      'osrm-extract -p /opt/car.lua --data_version osmosis region.osm.pbf',
      'osrm-extract -p /opt/car.lua --data_version 2026-11-20T06:30:00Z region.osm.pbf',
      'osrm-contract region.osrm',
    ]);
    // The road data itself carries the same version OSRM will return in its responses.
    expect(box.read('current/region.osrm')).toBe('2026-11-20T06:30:00Z');
  });

  it('fails without touching the data being served when a step fails, and reuses the download next time', () => {
    expect(box.prepare().status).toBe(0);
    const failed = box.prepare({ OSRM_REFRESH: '1', FAKE_CONTRACT_FAILS: '1', FAKE_HEADER_TIMESTAMP: '2026-12-01T20:00:00Z' });
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain("'osrm-contract region.osrm' failed with status 3");
    expect(box.read('current/data_version')).toBe('2026-11-21T21:21:02Z');
    expect(existsSync(join(box.data, 'current/region.osrm.hsgr'))).toBe(true);

    box.clearCalls();
    expect(box.prepare({ FAKE_HEADER_TIMESTAMP: '2026-12-01T20:00:00Z' }).status).toBe(0);
    expect(box.callLines().map((line) => line.split(' ')[0])).toEqual(['osrm-extract', 'osrm-contract']);
    expect(box.read('current/data_version')).toBe('2026-12-01T20:00:00Z');
  });

  it('refuses to prepare when nothing was downloaded for the URL', () => {
    const result = box.run('prepare.sh');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no downloaded extract');
  });
});

describe('with-data-version.sh (the worker’s OSRM_DATA_VERSION)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dowoz-dv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const versionSeen = (env: Record<string, string>) =>
    execFileSync('sh', [join(scripts, 'with-data-version.sh'), 'sh', '-c', 'echo "${OSRM_DATA_VERSION-<unset>}"'], {
      env: { PATH: process.env.PATH ?? '', OSRM_DATA_VERSION_FILE: join(dir, 'data_version'), ...env },
      encoding: 'utf8',
    }).trim();

  it('takes the prepared data_version unless one is set, and leaves it unset (config default) otherwise', () => {
    expect(versionSeen({ OSRM_DATA_VERSION: '' })).toBe('<unset>');
    writeFileSync(join(dir, 'data_version'), '2026-11-21T21:21:02Z\n');
    expect(versionSeen({ OSRM_DATA_VERSION: '' })).toBe('2026-11-21T21:21:02Z');
    expect(versionSeen({ OSRM_DATA_VERSION: 'manual-7' })).toBe('manual-7');
  });
});
