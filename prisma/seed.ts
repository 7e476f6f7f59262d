/**
 * Loads the demo organisation (CUS Srokowo), books the next working day and gives the demo
 * accounts new passwords, printed once (prisma/demo-accounts.ts).
 * Usage: npm run db:seed [-- --date YYYY-MM-DD]
 */
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { DateSchema } from '../src/domain/common/schemas.js';
import { nextWorkingDay, todayIn } from '../src/domain/common/time.js';
import { seedSrokowo } from './demo-srokowo.js';
import { formatDemoCredentials, seedDemoAccounts } from './demo-accounts.js';

export async function runSeed(databaseUrl: string, date?: string) {
  const db = createDb(databaseUrl);
  try {
    const demo = await seedSrokowo({ db, now: () => new Date() }, { date: date ?? nextWorkingDay(todayIn('Europe/Warsaw')) });
    const accounts = await seedDemoAccounts(db, demo.organisationId, 'srokowo');
    return { ...demo, accounts };
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--date');
  const date = i > 0 ? DateSchema.parse(process.argv[i + 1]) : undefined;
  const { accounts, ...result } = await runSeed(loadConfig().DATABASE_URL, date);
  console.log(JSON.stringify(result));
  console.log(formatDemoCredentials(accounts));
}
