/** Next.js start-up hook: migrate the database and start the sync job worker + auto-sync scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppJobs } = await import("@/lib/jobs/app-jobs");
  const { logger } = await import("@/lib/log");
  try {
    await startAppJobs();
  } catch (error) {
    // The app still serves pages; syncs are what stop (Sync Now retries starting the queue). Say so loudly.
    logger().error("could not start the job queue: syncs cannot run", { component: "jobs", error });
  }
}
