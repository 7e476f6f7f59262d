import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, ensureDatabase, migrate, readMigrations } from '../../../src/db/migrate.js';

const ADMIN = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `dowoz_migrate_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  created.push(name);
  return url.toString();
}

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dowoz-migrations-'));
  await mkdir(path.join(dir, '20260101000000_first'));
  await writeFile(path.join(dir, '20260101000000_first', 'migration.sql'), 'CREATE TABLE a (id int);');
  await mkdir(path.join(dir, '20260102000000_second'));
  await writeFile(path.join(dir, '20260102000000_second', 'migration.sql'), 'ALTER TABLE a ADD COLUMN b text;');
});
afterAll(async () => {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});

describe('the migration runner', () => {
  it('applies migrations in order once, and records them the way Prisma does', async () => {
    const url = await freshDatabase();

    expect(await migrate(url, dir)).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(await migrate(url, dir)).toEqual([]);

    const rows = await query(url, 'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    const files = await readMigrations(dir);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await query(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'a' ORDER BY column_name")).toEqual([{ column_name: 'b' }, { column_name: 'id' }]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const url = await freshDatabase();
    const copy = await mkdtemp(path.join(tmpdir(), 'dowoz-migrations-'));
    await cp(dir, copy, { recursive: true });
    await migrate(url, copy);
    await writeFile(path.join(copy, '20260101000000_first', 'migration.sql'), 'CREATE TABLE a (id bigint);');

    await expect(migrate(url, copy)).rejects.toThrow(/20260101000000_first was edited/);
  });

  it('rolls a failing migration back whole and applies nothing of it', async () => {
    const url = await freshDatabase();
    const broken = await mkdtemp(path.join(tmpdir(), 'dowoz-migrations-'));
    await mkdir(path.join(broken, '20260101000000_broken'));
    await writeFile(path.join(broken, '20260101000000_broken', 'migration.sql'), 'CREATE TABLE ok (id int); CREATE TABLE ok (id int);');

    await expect(migrate(url, broken)).rejects.toThrow(/20260101000000_broken failed/);
    expect(await query(url, "SELECT to_regclass('public.ok') AS t")).toEqual([{ t: null }]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([{ n: 0 }]);
  });

  it('builds the whole schema from the project’s own migrations', async () => {
    const url = await freshDatabase();
    await migrate(url, defaultMigrationsDir);
    const tables = (await query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['organisation', 'place', 'client', 'vehicle', 'ride', 'plan', 'plan_route', 'plan_stop', 'plan_unassigned']));
  });
});
