ALTER TABLE "sync_mappings" ADD COLUMN "qbo_state" text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_mappings" ADD COLUMN "qbo_balance_cents" bigint;