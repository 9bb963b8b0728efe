import { env } from "./env";

/**
 * Validates the environment before the server takes any request. A bad or missing value (e.g.
 * AUTH_SECRET in production) stops the process with the message naming it, instead of a server that
 * listens and answers 500 to everything.
 */
export function checkEnvOrExit(exit: (code: number) => never = (code) => process.exit(code), write: (text: string) => void = (t) => process.stderr.write(t)): void {
  try {
    env();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    write(`${message}\nLedgerbridge did not start: fix the configuration above and start it again.\n`);
    exit(1);
  }
}
