CREATE TABLE "qbo_rate_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"realm_id" text NOT NULL,
	"kind" text NOT NULL,
	"holder" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qbo_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_sha256" text NOT NULL,
	"format" text NOT NULL,
	"realm_ids" text[] NOT NULL,
	"event_count" integer NOT NULL,
	"enqueued_count" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "qbo_rate_leases_realm_started_idx" ON "qbo_rate_leases" USING btree ("realm_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "qbo_webhook_deliveries_body_uq" ON "qbo_webhook_deliveries" USING btree ("body_sha256");--> statement-breakpoint
CREATE INDEX "qbo_webhook_deliveries_received_idx" ON "qbo_webhook_deliveries" USING btree ("received_at");