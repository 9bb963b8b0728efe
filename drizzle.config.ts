import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; migrations are applied by lib/db/migrate.ts on both drivers.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
  strict: true,
});
