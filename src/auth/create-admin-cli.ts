/**
 * npm run create-admin -- --organisation <slug> --login <login> [--name "Jan Kowalski"]
 *                        [--organisation-name "CUS Srokowo" --gmina Srokowo]
 * The password comes from DOWOZ_ADMIN_PASSWORD, else from standard input: typed twice, unechoed,
 * at a terminal; the first line when piped. There is no default password.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { loadConfig } from '../config.js';
import { createDb } from '../db/client.js';
import { AppError } from '../errors.js';
import { createAdmin } from './create-admin.js';

async function ask(question: string): Promise<string> {
  // At a terminal the answer is not echoed; piped input is read as a line.
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.DOWOZ_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await ask('Hasło / password: ');
  if (process.stdin.isTTY) {
    const again = await ask('Powtórz / repeat: ');
    if (again !== first) throw new Error('Hasła się różnią / the passwords differ');
  }
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      organisation: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      'organisation-name': { type: 'string' },
      gmina: { type: 'string' },
    },
  });
  const config = loadConfig();
  const organisation = values.organisation ?? config.DEFAULT_ORGANISATION;
  if (!organisation || !values.login) {
    console.error('Użycie / usage: npm run create-admin -- --organisation <slug> --login <login> [--name "…"] [--organisation-name "…" --gmina "…"]');
    process.exitCode = 2;
    return;
  }
  const password = await readPassword();
  const db = createDb(config.DATABASE_URL);
  try {
    const { organisation: org, user } = await createAdmin(db, () => new Date(), {
      organisation,
      login: values.login,
      password,
      ...(values.name ? { displayName: values.name } : {}),
      ...(values['organisation-name'] ? { organisationName: values['organisation-name'] } : {}),
      ...(values.gmina ? { gminaName: values.gmina } : {}),
    });
    console.log(`Utworzono administratora ${user.login} w ${org.name} (${org.slug}) / administrator created`);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`${err.message} / ${err.messageEn}`);
    for (const f of err.fields) console.error(`  ${f.path}: ${f.message} / ${f.messageEn ?? ''}`);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
