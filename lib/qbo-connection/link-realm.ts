import type { qboConnections } from "@/lib/db/schema";

type ConnectionRow = Pick<typeof qboConnections.$inferSelect, "status" | "realmId" | "switchFromRealmId">;

/**
 * The company the organisation's links point to. While a switch awaits confirmation the tokens are
 * for the new company, but every stored QBO id is still the old one's: links must open that one.
 */
export function linkRealmOf(connection: ConnectionRow | null | undefined): string | undefined {
  if (!connection) return undefined;
  if (connection.status === "awaiting_confirmation" && connection.switchFromRealmId) return connection.switchFromRealmId;
  return connection.realmId;
}
