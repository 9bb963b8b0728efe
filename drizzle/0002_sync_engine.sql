ALTER TABLE "sync_intentions" ADD COLUMN "payload" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_intentions" ADD COLUMN "batch_request_id" text;--> statement-breakpoint
ALTER TABLE "sync_intentions" ADD COLUMN "batch_position" integer;--> statement-breakpoint
ALTER TABLE "sync_intentions" ADD COLUMN "error" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_per_org" ON "sync_runs" USING btree ("organization_id") WHERE "sync_runs"."status" in ('queued', 'running');