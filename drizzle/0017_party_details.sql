ALTER TABLE "customers" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_city" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_region" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_postal_code" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "address_country" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_city" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_region" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_postal_code" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "address_country" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "vendor_1099" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "tax_id" text;--> statement-breakpoint
-- The free-text address becomes its parts: the first line is line 1, the other lines line 2.
UPDATE "vendors" SET
  "address_line1" = nullif(btrim(split_part(replace("address", E'\r', ''), E'\n', 1)), ''),
  "address_line2" = nullif(btrim(regexp_replace(substr(replace("address", E'\r', ''), length(split_part(replace("address", E'\r', ''), E'\n', 1)) + 2), '\s*\n\s*', ', ', 'g')), '')
WHERE "address" IS NOT NULL;
--> statement-breakpoint
-- The free-text address becomes its parts: the first line is line 1, the other lines line 2.
UPDATE "customers" SET
  "address_line1" = nullif(btrim(split_part(replace("address", E'\r', ''), E'\n', 1)), ''),
  "address_line2" = nullif(btrim(regexp_replace(substr(replace("address", E'\r', ''), length(split_part(replace("address", E'\r', ''), E'\n', 1)) + 2), '\s*\n\s*', ', ', 'g')), '')
WHERE "address" IS NOT NULL;
