import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/lib/db/connection";

/**
 * One job queue for both databases: on PostgreSQL pg-boss connects itself; on the embedded PGlite it
 * runs its SQL through the app's own (single) connection.
 */
export function createBoss(handle: DatabaseHandle, connectionString?: string): PgBoss {
  const common = { schema: "pgboss", supervise: true, schedule: true, migrate: true } as const;
  if (handle.kind === "postgres" && connectionString) {
    return new PgBoss({ ...common, connectionString, max: 4 });
  }
  const pglite = handle.pglite;
  if (!pglite) throw new Error("createBoss: an embedded database handle must carry its PGlite instance");
  return new PgBoss({
    ...common,
    db: {
      // pg-boss sends multi-statement scripts without parameters (its migrations): PGlite's exec runs those.
      executeSql: async (text: string, values: unknown[] = []) => {
        if (values.length === 0) return { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] };
        return { rows: (await pglite.query(text, values as never[])).rows };
      },
    },
  });
}
