ALTER TABLE "invoice_lines" ADD COLUMN "tax_code_ref" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "tax_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "txn_tax_code_ref" text;