/**
 * Migration 0022 turns the roles admin | member into admin | approver | clerk | accountant: every
 * member becomes a clerk (memberships and pending invitations). It runs in one transaction with the
 * migrations after it, so the new values must be usable in that same transaction.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { MIGRATIONS_FOLDER, type DatabaseHandle } from "@/lib/db/connection";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
const MIGRATION = readFileSync(path.join(MIGRATIONS_FOLDER, "0022_roles_and_password_reset.sql"), "utf8");
const statements = MIGRATION.split("--> statement-breakpoint").map((s) => s.trim()).filter(Boolean);

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe("migration 0022 on a database with members", () => {
  it("makes members clerks, keeps admins, and the new roles are usable in the same transaction", async () => {
    const admin = await signUp(handle.db, { name: "Ada", email: "ada@example.com", password: "correct horse battery", organizationName: "Acme" });
    const member = await signUp(handle.db, { name: "Mo", email: "mo@example.com", password: "correct horse battery", organizationName: "Mo Co" });
    // The database as it was before 0022.
    for (const statement of [
      "drop table password_reset_tokens",
      'alter table memberships alter column role drop default',
      "alter table memberships alter column role type text",
      "alter table invitations alter column role type text",
      "drop type member_role",
      "create type member_role as enum ('admin', 'member')",
      "alter table memberships alter column role type member_role using role::member_role",
      "alter table invitations alter column role type member_role using role::member_role",
      "alter table memberships alter column role set default 'member'",
    ]) {
      await handle.query(statement);
    }
    await handle.query("insert into memberships (organization_id, user_id, role) values ($1, $2, 'member')", [admin.organization.id, member.user.id]);
    await handle.query(
      "insert into invitations (organization_id, email, role, token_hash, expires_at) values ($1, 'new@example.com', 'member', 'h1', now() + interval '1 day'), ($1, 'boss@example.com', 'admin', 'h2', now() + interval '1 day')",
      [admin.organization.id],
    );

    await handle.db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
      // What a later migration of the same run might do with a new value.
      await tx.execute(sql`update invitations set role = 'approver' where email = 'boss@example.com'`);
    });

    const roles = await handle.query<{ user_id: string; role: string }>(
      "select user_id, role::text as role from memberships where organization_id = $1 order by role",
      [admin.organization.id],
    );
    expect(roles).toEqual([
      { user_id: admin.user.id, role: "admin" },
      { user_id: member.user.id, role: "clerk" },
    ]);
    const invitations = await handle.query<{ email: string; role: string }>("select email, role::text as role from invitations order by email");
    expect(invitations).toEqual([
      { email: "boss@example.com", role: "approver" },
      { email: "new@example.com", role: "clerk" },
    ]);
    const [column] = await handle.query<{ column_default: string }>(
      "select column_default from information_schema.columns where table_name = 'memberships' and column_name = 'role'",
    );
    expect(column!.column_default).toContain("'clerk'");
  });
});
