/** Next.js start-up hook: migrate the database and start the sync job worker + auto-sync scheduler. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppJobs } = await import("@/lib/jobs/app-jobs");
  try {
    await startAppJobs();
  } catch (error) {
    // The app still serves pages; automatic sync is what stops. Say so loudly.
    console.error("[jobs] could not start the job queue: automatic sync is off", error);
  }
}
