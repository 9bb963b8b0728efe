-- Before the unique indexes: live records that already share a number (saved by requests that raced,
-- or imported from a QuickBooks company that allows duplicates) keep one holder — a record linked to
-- QuickBooks first, then the oldest — and the others get the next free "<number>-2", "-3", … with an
-- audit event saying why. Voided records are outside the indexes and keep their numbers.
DO $$
DECLARE
  dup record;
  n integer;
  candidate text;
BEGIN
  FOR dup IN
    SELECT id, organization_id, vendor_id_or_null, bill_number AS number FROM (
      SELECT t.*, t.vendor_id AS vendor_id_or_null,
        row_number() OVER (PARTITION BY t.organization_id, t.vendor_id, lower(bill_number) ORDER BY (qbo_id IS NULL), created_at, id) AS rank
      FROM bills t WHERE voided_at IS NULL
    ) ranked
    WHERE rank > 1
    ORDER BY organization_id, created_at, id
  LOOP
    n := 2;
    LOOP
      -- QBO's DocNumber holds at most 21 characters.
      candidate := left(dup.number, 21 - length('-' || n)) || '-' || n;
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM bills WHERE organization_id = dup.organization_id AND vendor_id = dup.vendor_id_or_null AND lower(bill_number) = lower(candidate) AND voided_at IS NULL
      );
      n := n + 1;
    END LOOP;
    UPDATE bills SET bill_number = candidate, updated_at = now() WHERE id = dup.id;
    INSERT INTO audit_events (organization_id, actor_kind, entity_type, entity_id, action, changes)
    VALUES (dup.organization_id, 'system', 'bill', dup.id, 'renumbered: another bill of this vendor had the same number',
      jsonb_build_array(jsonb_build_object('field', 'billNumber', 'label', 'Bill number', 'old', dup.number, 'new', candidate)));
  END LOOP;
END $$;--> statement-breakpoint
DO $$
DECLARE
  dup record;
  n integer;
  candidate text;
BEGIN
  FOR dup IN
    SELECT id, organization_id, vendor_id_or_null, invoice_number AS number FROM (
      SELECT t.*, NULL::uuid AS vendor_id_or_null,
        row_number() OVER (PARTITION BY t.organization_id, lower(invoice_number) ORDER BY (qbo_id IS NULL), created_at, id) AS rank
      FROM invoices t WHERE voided_at IS NULL
    ) ranked
    WHERE rank > 1
    ORDER BY organization_id, created_at, id
  LOOP
    n := 2;
    LOOP
      -- QBO's DocNumber holds at most 21 characters.
      candidate := left(dup.number, 21 - length('-' || n)) || '-' || n;
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM invoices WHERE organization_id = dup.organization_id AND lower(invoice_number) = lower(candidate) AND voided_at IS NULL
      );
      n := n + 1;
    END LOOP;
    UPDATE invoices SET invoice_number = candidate, updated_at = now() WHERE id = dup.id;
    INSERT INTO audit_events (organization_id, actor_kind, entity_type, entity_id, action, changes)
    VALUES (dup.organization_id, 'system', 'invoice', dup.id, 'renumbered: another invoice had the same number',
      jsonb_build_array(jsonb_build_object('field', 'invoiceNumber', 'label', 'Invoice number', 'old', dup.number, 'new', candidate)));
  END LOOP;
END $$;--> statement-breakpoint
DO $$
DECLARE
  dup record;
  n integer;
  candidate text;
BEGIN
  FOR dup IN
    SELECT id, organization_id, vendor_id_or_null, credit_number AS number FROM (
      SELECT t.*, t.vendor_id AS vendor_id_or_null,
        row_number() OVER (PARTITION BY t.organization_id, t.vendor_id, lower(credit_number) ORDER BY (qbo_id IS NULL), created_at, id) AS rank
      FROM vendor_credits t WHERE voided_at IS NULL
    ) ranked
    WHERE rank > 1
    ORDER BY organization_id, created_at, id
  LOOP
    n := 2;
    LOOP
      -- QBO's DocNumber holds at most 21 characters.
      candidate := left(dup.number, 21 - length('-' || n)) || '-' || n;
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM vendor_credits WHERE organization_id = dup.organization_id AND vendor_id = dup.vendor_id_or_null AND lower(credit_number) = lower(candidate) AND voided_at IS NULL
      );
      n := n + 1;
    END LOOP;
    UPDATE vendor_credits SET credit_number = candidate, updated_at = now() WHERE id = dup.id;
    INSERT INTO audit_events (organization_id, actor_kind, entity_type, entity_id, action, changes)
    VALUES (dup.organization_id, 'system', 'vendor_credit', dup.id, 'renumbered: another credit of this vendor had the same number',
      jsonb_build_array(jsonb_build_object('field', 'creditNumber', 'label', 'Credit number', 'old', dup.number, 'new', candidate)));
  END LOOP;
END $$;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_vendor_number_key" ON "bills" USING btree ("organization_id","vendor_id",lower("bill_number")) WHERE "bills"."voided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_org_number_key" ON "invoices" USING btree ("organization_id",lower("invoice_number")) WHERE "invoices"."voided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_credits_vendor_number_key" ON "vendor_credits" USING btree ("organization_id","vendor_id",lower("credit_number")) WHERE "vendor_credits"."voided_at" is null;