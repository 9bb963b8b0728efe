import { describe, expect, it } from "vitest";
import { tokenHealth } from "@/lib/qbo-connection/connection";
import type { qboConnections } from "@/lib/db/schema";

const now = new Date("2026-12-03T12:00:00Z");

function row(over: Partial<typeof qboConnections.$inferSelect>): typeof qboConnections.$inferSelect {
  return {
    status: "needs_reconnect",
    statusReason: null,
    accessTokenExpiresAt: now,
    refreshTokenExpiresAt: new Date("2027-03-01T00:00:00Z"),
    ...over,
  } as typeof qboConnections.$inferSelect;
}

describe("tokenHealth (issue 14 item 8: the text does not repeat itself)", () => {
  it("says reconnect once when the sync's reason already asks for it", () => {
    const { message } = tokenHealth(row({ statusReason: "QuickBooks refused access. An admin must reconnect QuickBooks in Settings → Sync." }), now);
    expect(message).toBe("QuickBooks refused access. Reconnect to resume syncing.");
    expect(message.match(/reconnect/gi)).toHaveLength(1);
  });

  it("keeps a reason that adds something, once", () => {
    const { message } = tokenHealth(row({ statusReason: "Refresh token rejected by QuickBooks: invalid_grant" }), now);
    expect(message).toBe("Refresh token rejected by QuickBooks: invalid_grant. Reconnect to resume syncing.");
  });

  it("without a reason says what happened and what to do", () => {
    expect(tokenHealth(row({}), now).message).toBe("QuickBooks no longer accepts this connection. Reconnect to resume syncing.");
  });

  it("while a switch of company waits, says so instead of calling the connection healthy", () => {
    const health = tokenHealth(row({ status: "awaiting_confirmation", awaitingKind: "switch", companyName: "New Books Co", realmId: "9" }), now);
    expect(health).toMatchObject({ status: "awaiting_confirmation", message: "Switch to New Books Co waiting for your confirmation; nothing syncs until then." });
  });
});
