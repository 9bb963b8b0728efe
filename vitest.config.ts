import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // `server-only` throws outside a React Server Components bundle; tests import server code directly.
  "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
};

// Projects run one group after another: unit tests first, then each database's integration tests.
const integration = (name: string, env: Record<string, string>, groupOrder: number) => ({
  resolve: { alias },
  test: {
    name,
    include: ["lib/**/*.int.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database (a copy of one migrated snapshot); two cores → two at a time.
    maxWorkers: 2,
    sequence: { groupOrder },
    env,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          exclude: ["lib/**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      integration("integration", { TEST_DB_KIND: "pglite" }, 1),
      ...(process.env.TEST_DATABASE_URL
        ? [integration("integration-postgres", { TEST_DB_KIND: "postgres" }, 2)]
        : []),
    ],
  },
});
