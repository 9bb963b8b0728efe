CREATE TYPE "public"."conflict_master" AS ENUM('quickbooks', 'ledgerbridge');--> statement-breakpoint
CREATE TYPE "public"."qbo_connection_status" AS ENUM('connected', 'needs_reconnect', 'disconnected');--> statement-breakpoint
CREATE TYPE "public"."sync_direction" AS ENUM('two_way', 'app_to_qbo');--> statement-breakpoint
CREATE TYPE "public"."sync_run_status" AS ENUM('queued', 'running', 'succeeded', 'partial', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_trigger" AS ENUM('manual', 'automatic', 'webhook', 'cli');--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"nonce" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qbo_connections" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"realm_id" text NOT NULL,
	"company_name" text,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"status" "qbo_connection_status" DEFAULT 'connected' NOT NULL,
	"status_reason" text,
	"connected_by" uuid,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_intentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"run_id" uuid,
	"intention_key" text NOT NULL,
	"request_id" text NOT NULL,
	"object_type" text NOT NULL,
	"local_id" uuid,
	"operation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"qbo_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"issue_key" text NOT NULL,
	"object_type" text NOT NULL,
	"local_id" uuid,
	"qbo_id" text,
	"label" text NOT NULL,
	"reason_code" text NOT NULL,
	"severity" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"detail" text,
	"first_seen_run_id" uuid,
	"last_seen_run_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_mappings" (
	"organization_id" uuid NOT NULL,
	"object_type" text NOT NULL,
	"local_id" uuid NOT NULL,
	"realm_id" text NOT NULL,
	"qbo_id" text NOT NULL,
	"sync_token" text NOT NULL,
	"last_updated_time" text,
	"content_hash" text NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_mappings_organization_id_object_type_local_id_pk" PRIMARY KEY("organization_id","object_type","local_id")
);
--> statement-breakpoint
CREATE TABLE "sync_preferences" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"sync_automatically" boolean DEFAULT false NOT NULL,
	"two_way_payment_sync" boolean DEFAULT false NOT NULL,
	"direction" "sync_direction" DEFAULT 'two_way' NOT NULL,
	"unallocated_expense_account_id" uuid,
	"unallocated_income_account_id" uuid,
	"bank_account_id" uuid,
	"money_out_clearing_account_id" uuid,
	"money_in_clearing_account_id" uuid,
	"master_in_conflict" "conflict_master" DEFAULT 'quickbooks' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"trigger" "sync_trigger" NOT NULL,
	"triggered_by" uuid,
	"status" "sync_run_status" DEFAULT 'queued' NOT NULL,
	"mode" text,
	"phase" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_successful_sync_at" timestamp with time zone,
	"next_auto_sync_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD CONSTRAINT "qbo_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qbo_connections" ADD CONSTRAINT "qbo_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_intentions" ADD CONSTRAINT "sync_intentions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_intentions" ADD CONSTRAINT "sync_intentions_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_first_seen_run_id_sync_runs_id_fk" FOREIGN KEY ("first_seen_run_id") REFERENCES "public"."sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_last_seen_run_id_sync_runs_id_fk" FOREIGN KEY ("last_seen_run_id") REFERENCES "public"."sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_mappings" ADD CONSTRAINT "sync_mappings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_unallocated_expense_account_id_accounts_id_fk" FOREIGN KEY ("unallocated_expense_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_unallocated_income_account_id_accounts_id_fk" FOREIGN KEY ("unallocated_income_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_bank_account_id_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_money_out_clearing_account_id_accounts_id_fk" FOREIGN KEY ("money_out_clearing_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_money_in_clearing_account_id_accounts_id_fk" FOREIGN KEY ("money_in_clearing_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_preferences" ADD CONSTRAINT "sync_preferences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_state" ADD CONSTRAINT "sync_state_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_intentions_key" ON "sync_intentions" USING btree ("organization_id","intention_key");--> statement-breakpoint
CREATE INDEX "sync_intentions_pending_idx" ON "sync_intentions" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_issues_key" ON "sync_issues" USING btree ("organization_id","issue_key");--> statement-breakpoint
CREATE INDEX "sync_issues_open_idx" ON "sync_issues" USING btree ("organization_id","resolved_at","reason_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_mappings_qbo_key" ON "sync_mappings" USING btree ("organization_id","realm_id","object_type","qbo_id");--> statement-breakpoint
CREATE INDEX "sync_runs_org_created_idx" ON "sync_runs" USING btree ("organization_id","created_at");