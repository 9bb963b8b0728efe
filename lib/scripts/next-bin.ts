import { createRequire } from "node:module";

/**
 * Next.js's own CLI script, to run as `node <it> start …` in a direct child process: a signal sent
 * to that child reaches the server itself (through `npx` it would stop the wrapper and orphan the server).
 */
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
