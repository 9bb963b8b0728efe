ALTER TYPE "public"."qbo_connection_status" ADD VALUE 'awaiting_confirmation';--> statement-breakpoint
CREATE TABLE "sync_archived_issues" (
	"archive_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"issue_key" text NOT NULL,
	"object_type" text NOT NULL,
	"local_id" uuid,
	"qbo_id" text,
	"label" text NOT NULL,
	"reason_code" text NOT NULL,
	"severity" text NOT NULL,
	"params" jsonb NOT NULL,
	"detail" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_archived_issues_archive_id_issue_key_pk" PRIMARY KEY("archive_id","issue_key")
);
--> statement-breakpoint
CREATE TABLE "sync_archived_mappings" (
	"archive_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"local_id" uuid NOT NULL,
	"realm_id" text NOT NULL,
	"qbo_id" text NOT NULL,
	"sync_token" text NOT NULL,
	"last_updated_time" text,
	"content_hash" text NOT NULL,
	"qbo_state" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sync_archived_mappings_archive_id_object_type_local_id_pk" PRIMARY KEY("archive_id","object_type","local_id")
);
--> statement-breakpoint
CREATE TABLE "sync_realm_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"realm_id" text NOT NULL,
	"company_name" text,
	"replaced_by_realm_id" text NOT NULL,
	"archived_by" uuid,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD COLUMN "awaiting_kind" text;--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD COLUMN "switch_from_realm_id" text;--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD COLUMN "switch_from_company_name" text;--> statement-breakpoint
ALTER TABLE "sync_archived_issues" ADD CONSTRAINT "sync_archived_issues_archive_id_sync_realm_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."sync_realm_archives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_archived_issues" ADD CONSTRAINT "sync_archived_issues_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_archived_mappings" ADD CONSTRAINT "sync_archived_mappings_archive_id_sync_realm_archives_id_fk" FOREIGN KEY ("archive_id") REFERENCES "public"."sync_realm_archives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_archived_mappings" ADD CONSTRAINT "sync_archived_mappings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_realm_archives" ADD CONSTRAINT "sync_realm_archives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_realm_archives" ADD CONSTRAINT "sync_realm_archives_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_realm_archives_org_idx" ON "sync_realm_archives" USING btree ("organization_id","archived_at");--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD CONSTRAINT "qbo_connections_awaiting_kind" CHECK (("qbo_connections"."status"::text = 'awaiting_confirmation') = ("qbo_connections"."awaiting_kind" is not null));--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD CONSTRAINT "qbo_connections_switch_from" CHECK (("qbo_connections"."awaiting_kind" is not distinct from 'switch') = ("qbo_connections"."switch_from_realm_id" is not null));