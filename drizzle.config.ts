import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the module table files and committed; they run at start-up
// and by `npm run cli -- migrate`. Forward-only: never edit a migration that has landed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db-schema.ts',
  out: './migrations',
});
