import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/** The layering rules in eslint.config.mjs bite: each wrong import below is refused by the build. */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("layering enforced by ESLint", { timeout: 60_000 }, () => {
  // Loading the config (Next's plugins, the TypeScript parser) takes seconds on a busy machine.
  beforeAll(() => eslint.calculateConfigForFile("lib/ap/money.ts"), 120_000);

  it("the pure cores import only zod, node:crypto and each other", async () => {
    expect(await restrictedImports("lib/sync/core/wrong.ts", 'import { getDb } from "@/lib/db/connection";\nexport const x = getDb;\n')).toEqual([
      expect.stringContaining("The pure cores"),
    ]);
    expect(await restrictedImports("lib/ap/wrong.ts", 'import { readFile } from "node:fs/promises";\nexport const x = readFile;\n')).toHaveLength(1);
    expect(await restrictedImports("lib/ap/fine.ts", 'import { z } from "zod";\nimport { sumCents } from "@/lib/sync/core/money";\nexport const x = [z, sumCents];\n')).toEqual([]);
  });

  it("nothing in lib/ imports components/ or app/", async () => {
    expect(await restrictedImports("lib/bills/wrong.ts", 'import { Card } from "@/components/ui/card";\nexport const x = Card;\n')).toEqual([expect.stringContaining("lib/ is below the UI")]);
  });

  it("the built-in sandbox imports nothing else from lib/", async () => {
    expect(await restrictedImports("lib/qbo-sandbox/wrong.ts", 'import { env } from "@/lib/config/env";\nexport const x = env;\n')).toEqual([expect.stringContaining("sandbox stands alone")]);
    expect(await restrictedImports("lib/qbo-sandbox/fine.ts", 'import { toCents } from "@/lib/qbo-sandbox/money";\nexport const x = toCents;\n')).toEqual([]);
  });
});
