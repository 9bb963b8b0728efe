ALTER TABLE "invoice_lines" ADD COLUMN "bundle_key" text;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "bundle_name" text;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "bundle_quantity" numeric(18, 4);