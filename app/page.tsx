import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMemberships } from "@/lib/orgs/organizations";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const orgs = await listMemberships(await getDb(), user.id);
  redirect(orgs[0] ? `/o/${orgs[0].slug}` : "/orgs/new");
}
