ALTER TABLE "customers" DROP COLUMN "address";--> statement-breakpoint
ALTER TABLE "vendors" DROP COLUMN "address";