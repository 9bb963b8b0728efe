ALTER TYPE "public"."sync_run_status" ADD VALUE 'interrupted';--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "job_id" text;