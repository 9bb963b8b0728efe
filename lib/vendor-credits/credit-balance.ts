import { and, eq, isNull, sum } from "drizzle-orm";
import { vendorCreditBalanceCents } from "@/lib/ap";
import type { Db, Tx } from "@/lib/db/connection";
import { vendorCreditApplications, vendorCredits } from "@/lib/db/schema";

/** Sum of a credit's live (not removed) applications. */
export async function appliedCentsOf(db: Db | Tx, organizationId: string, vendorCreditId: string): Promise<number> {
  const [row] = await db
    .select({ applied: sum(vendorCreditApplications.amountCents) })
    .from(vendorCreditApplications)
    .where(
      and(
        eq(vendorCreditApplications.organizationId, organizationId),
        eq(vendorCreditApplications.vendorCreditId, vendorCreditId),
        isNull(vendorCreditApplications.voidedAt),
      ),
    );
  return Number(row?.applied ?? 0);
}

/** Recomputes the stored remaining balance of a vendor credit from its applications. */
export async function refreshVendorCreditBalance(db: Db | Tx, organizationId: string, vendorCreditId: string): Promise<number | null> {
  const [credit] = await db
    .select({ totalCents: vendorCredits.totalCents, voidedAt: vendorCredits.voidedAt })
    .from(vendorCredits)
    .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, vendorCreditId)));
  if (!credit) return null;
  const appliedCents = await appliedCentsOf(db, organizationId, vendorCreditId);
  const balanceCents = vendorCreditBalanceCents({ totalCents: credit.totalCents, appliedCents, voided: credit.voidedAt !== null });
  await db
    .update(vendorCredits)
    .set({ balanceCents })
    .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, vendorCreditId)));
  return balanceCents;
}
