import { getDatabase } from "@/lib/db";

const handle = await getDatabase(); // opening migrates
console.log(`Database migrated (${handle.kind}).`);
await handle.close();
