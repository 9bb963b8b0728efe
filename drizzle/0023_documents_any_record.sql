ALTER TABLE "documents" ADD COLUMN "vendor_credit_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "bill_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "received_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_vendor_credit_id_vendor_credits_id_fk" FOREIGN KEY ("vendor_credit_id") REFERENCES "public"."vendor_credits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_bill_payment_id_bill_payments_id_fk" FOREIGN KEY ("bill_payment_id") REFERENCES "public"."bill_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_received_payment_id_received_payments_id_fk" FOREIGN KEY ("received_payment_id") REFERENCES "public"."received_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_vendor_credit_idx" ON "documents" USING btree ("vendor_credit_id");--> statement-breakpoint
CREATE INDEX "documents_bill_payment_idx" ON "documents" USING btree ("bill_payment_id");--> statement-breakpoint
CREATE INDEX "documents_received_payment_idx" ON "documents" USING btree ("received_payment_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_one_record" CHECK (num_nonnulls("documents"."bill_id", "documents"."invoice_id", "documents"."vendor_credit_id", "documents"."bill_payment_id", "documents"."received_payment_id") = 1);