/**
 * Migration 0022 lets a document belong to a vendor credit, bill payment or received payment as
 * well as a bill or invoice, with a CHECK that exactly one is set. Documents already on bills (and
 * invoices) need no rewrite: they satisfy the CHECK and keep listing and downloading.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billForm, createApOrg, type ApOrg } from "@/lib/bills/test-fixtures";
import { createBill } from "@/lib/bills/bill-repository";
import { MIGRATIONS_FOLDER, type DatabaseHandle } from "@/lib/db/connection";
import { getDocument, listDocuments } from "@/lib/documents/document-repository";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let org: ApOrg;

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createApOrg(handle.db, "Migrate");
});
afterAll(async () => handle?.close());

const MIGRATION = readFileSync(path.join(MIGRATIONS_FOLDER, "0023_documents_any_record.sql"), "utf8");

describe("migration 0022 on a database with bill documents", () => {
  it("keeps existing bill documents listed and downloadable", async () => {
    const { id: billId } = await createBill(handle.db, org.actor, billForm(org, { billNumber: "M-1" }));
    // The documents table as it was before 0022.
    await handle.query(`alter table documents drop constraint documents_one_record`);
    for (const column of ["vendor_credit_id", "bill_payment_id", "received_payment_id"]) {
      await handle.query(`alter table documents drop column ${column}`);
    }
    await handle.query(
      `insert into documents (organization_id, bill_id, file_name, content_type, size_bytes, content)
       values ('${org.organizationId}', '${billId}', 'old-scan.pdf', 'application/pdf', 9, convert_to('%PDF-old', 'UTF8'))`,
    );

    for (const statement of MIGRATION.split("--> statement-breakpoint")) {
      if (statement.trim()) await handle.query(statement);
    }

    const listed = await listDocuments(handle.db, org.organizationId, { kind: "bill", id: billId });
    expect(listed.map((row) => row.fileName)).toEqual(["old-scan.pdf"]);
    const fetched = await getDocument(handle.db, org.organizationId, listed[0]!.id);
    expect(Buffer.from(fetched!.content).toString()).toBe("%PDF-old");
    await expect(handle.query(`insert into documents (organization_id, file_name, content_type, size_bytes, content) values ('${org.organizationId}', 'x.pdf', 'application/pdf', 1, '\\x00')`)).rejects.toThrow();
  });
});
