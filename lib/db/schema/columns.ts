import { bigint, timestamp, uuid } from "drizzle-orm/pg-core";

/** Money is integer cents. bigint keeps totals exact; mode "number" is safe below 2^53 cents. */
export const cents = (name: string) => bigint(name, { mode: "number" });

export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
