/**
 * One command for a new user (README): create and migrate the database, load the demo
 * organisation, then run the API and one worker as child processes until Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig, ConfigError } from './config.js';
import { ensureDatabase, migrate } from './db/migrate.js';
import { runSeed } from '../prisma/seed.js';
import { formatDemoCredentials } from '../prisma/demo-accounts.js';

async function main(): Promise<void> {
  const env = { ...process.env, DEFAULT_ORGANISATION: process.env.DEFAULT_ORGANISATION ?? 'srokowo' };
  const config = loadConfig(env);
  await ensureDatabase(config.DATABASE_URL);
  const applied = await migrate(config.DATABASE_URL);
  console.log(`migrations applied: ${applied.length ? applied.join(', ') : 'none (database up to date)'}`);
  const demo = await runSeed(config.DATABASE_URL);
  console.log(`demo organisation "srokowo": ${demo.places} places, ${demo.clients} clients, ${demo.vehicles} vehicles, ${demo.rides} rides on ${demo.date}`);

  const children: ChildProcess[] = [
    spawn(process.execPath, ['--import', 'tsx', 'src/api/server.ts'], { env, stdio: 'inherit' }),
    spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { env, stdio: 'inherit' }),
  ];
  const base = `http://${config.HOST}:${config.PORT}`;
  console.log(`
Dowóz działa / is running: ${base}/app/  (zaloguj się / sign in)

${formatDemoCredentials(demo.accounts)}

  Kierowca widzi tylko dzisiejszą kartę swojego pojazdu; dzień demo (${demo.date}) — konto
  administratora lub dyspozytora / a driver sees only today's manifest of their vehicle; for the
  demo day use the administrator's or dispatcher's account.
  API: utwórz token w /api/v1/tokens (administrator) i wysyłaj 'Authorization: Bearer dwz_…' /
  create a token at /api/v1/tokens (administrator) and send 'Authorization: Bearer dwz_…'.
  Opis API / API reference: ${base}/api/v1/docs
Ctrl+C zatrzymuje / stops.
${config.OSRM_URL ? `OSRM: ${config.OSRM_URL}` : 'OSRM_URL nie ustawiony: czasy przejazdu szacunkowe / not set: travel times are estimates'}
`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const c of children) {
    c.on('exit', (code) => {
      if (!stopping) {
        console.error(`a child process stopped (code ${code}); stopping the demo`);
        stop();
      }
      if (children.every((x) => x.exitCode !== null || x.signalCode !== null)) process.exit(code ?? 0);
    });
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
