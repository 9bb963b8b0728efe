ALTER TABLE "bills" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "customer_memo" text;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;