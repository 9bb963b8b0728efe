/** Next.js start-up hook: check the configuration, migrate the database and start the sync job worker + auto-sync scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad configuration stops the server here, before it listens (README: "a bad value stops the app").
  const { checkEnvOrExit } = await import("@/lib/config/startup");
  checkEnvOrExit();
  const { startAppJobs } = await import("@/lib/jobs/app-jobs");
  const { logger } = await import("@/lib/log");
  try {
    await startAppJobs();
  } catch (error) {
    // The app still serves pages; syncs are what stop (Sync Now retries starting the queue). Say so loudly.
    logger().error("could not start the job queue: syncs cannot run", { component: "jobs", error });
  }
}
