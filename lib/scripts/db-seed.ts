import { getDatabase } from "@/lib/db";
import { demoSizeFromArgs } from "@/lib/demo/demo-size-args";
import { DEMO_SIGN_IN, seedDemo } from "@/lib/demo/seed-demo";

const handle = await getDatabase();
const { slug, created } = await seedDemo(handle.db, demoSizeFromArgs(process.argv.slice(2)));
console.log(created ? `Seeded demo organisation /o/${slug}` : `Demo organisation /o/${slug} already present`);
console.log(`Sign in with ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
await handle.close();
