/** npm run db:migrate — creates the database if missing and applies pending migrations. */
import { loadConfig, ConfigError } from '../config.js';
import { ensureDatabase, migrate } from './migrate.js';

try {
  const { DATABASE_URL } = loadConfig();
  await ensureDatabase(DATABASE_URL);
  const applied = await migrate(DATABASE_URL);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database up to date');
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : (err as Error).message);
  process.exit(1);
}
