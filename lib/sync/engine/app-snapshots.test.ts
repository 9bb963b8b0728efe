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

  it("keeps a bundle component's bundle (key, name, quantity) through storage, hash included", () => {
    const bundle = { key: "2", name: "Deluxe Fountain", qty: 3 };
    const lines: AppTxnLine[] = [
      { amountCents: 5_700, itemId: "i", qty: 3, unitPrice: 19, bundle },
      { amountCents: 1_000, itemId: "j" },
    ];
    const stored = lines.map((line, index) => lineToStored(line, index + 1));
    expect(stored[0]).toMatchObject({ bundleKey: "2", bundleName: "Deluxe Fountain", bundleQuantity: "3.0000" });
    expect(stored[1]).toMatchObject({ bundleKey: null, bundleName: null, bundleQuantity: null });
    expect(stored.map(storedToLine)).toEqual(lines);
    // Bill lines are loaded without the bundle columns: same hash as an invoice line without a bundle.
    const plain = { ...stored[1]! };
    delete plain.bundleKey;
    delete plain.bundleName;
    delete plain.bundleQuantity;
    expect(txnSnapshot(txn, [plain]).contentHash).toBe(txnSnapshot(txn, [stored[1]!]).contentHash);
    expect(txnSnapshot(txn, [stored[0]!]).contentHash).not.toBe(txnSnapshot(txn, [{ ...stored[0]!, bundleKey: null }]).contentHash);
  });
});
