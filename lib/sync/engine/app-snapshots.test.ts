import { describe, expect, it } from "vitest";
import type { AppTxnLine } from "@/lib/sync/core";
import { lineToStored, storedToLine, txnSnapshot, type StoredTxn } from "@/lib/sync/engine/app-snapshots";

const txn: StoredTxn = {
  id: "00000000-0000-4000-8000-000000000001",
  number: "B-1",
  counterpartyId: "00000000-0000-4000-8000-000000000002",
  txnDate: "2026-11-01",
  dueDate: "2026-12-01",
  memo: null,
  currency: "USD",
  totalCents: 1_000,
  status: "open",
  updatedAt: new Date(0),
};

describe("app line storage", () => {
  it("round-trips lines the way the database keeps them (4-decimal quantity, whole-cent unit price, negative discount)", () => {
    const lines: AppTxnLine[] = [
      { amountCents: 1_250, description: "Hours", qty: 2.5, unitPrice: 5, itemId: "i" },
      { amountCents: 250, discount: true },
    ];
    const stored = lines.map((line, index) => lineToStored(line, index + 1));
    expect(stored[0]).toMatchObject({ quantity: "2.5000", unitPriceCents: 500, amountCents: 1_250 });
    expect(stored[1]?.amountCents).toBe(-250);
    // What PostgreSQL hands back for numeric(18,4) is the same text.
    expect(stored.map(storedToLine)).toEqual(lines);
  });

  it("gives the same content hash whether built at import time or loaded later", () => {
    const imported = [lineToStored({ amountCents: 1_000, qty: 3, unitPrice: 3.333 }, 1)];
    const loaded = imported.map((line) => ({ ...line, quantity: "3.0000" }));
    expect(txnSnapshot(txn, imported).contentHash).toBe(txnSnapshot(txn, loaded).contentHash);
    expect(txnSnapshot({ ...txn, memo: "changed" }, imported).contentHash).not.toBe(txnSnapshot(txn, imported).contentHash);
  });
});
