// Prisma CLI configuration (Prisma 7 keeps the connection URL out of schema.prisma).
// Production runs `prisma migrate deploy` with it; development machines use src/db/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dowoz' },
});
