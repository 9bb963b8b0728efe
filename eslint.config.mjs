import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Layering (ARCHITECTURE.md): the build refuses an import that crosses a layer the wrong way.
 * lib/layering.test.ts lints a wrong import on purpose to prove each rule bites.
 */
const pureCoreFiles = ["lib/sync/core/**/*.ts", "lib/ap/**/*.ts"];
const pureCoreOnly = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          // lib/forms/record-id is itself pure (zod only): the one rule for what an id from a person may be.
          regex: "^(?!zod$|node:crypto$|@/lib/ap(/|$)|@/lib/sync/core(/|$)|@/lib/forms/record-id$|\\.{1,2}/)",
          message: "The pure cores (lib/sync/core, lib/ap) import only zod, node:crypto and each other: no I/O, no framework, no clock.",
        },
      ],
    },
  ],
};
const noUiFromLib = {
  group: ["@/components/*", "@/app/*", "next/link", "react-dom", "react-dom/*"],
  message: "lib/ is below the UI: it never imports components/ or app/ (server actions may redirect, nothing more).",
};
const sandboxAlone = {
  regex: "^@/lib/(?!qbo-sandbox(/|$))",
  message: "The built-in QuickBooks sandbox stands alone: it imports nothing else from lib/ (it must behave like QuickBooks, not like our code).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/**/*.test.ts", "lib/**/*.int.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUiFromLib] }] },
  },
  {
    files: ["lib/qbo-sandbox/**/*.ts"],
    ignores: ["lib/**/*.test.ts", "lib/**/*.int.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUiFromLib, sandboxAlone] }] },
  },
  { files: pureCoreFiles, ignores: ["lib/**/*.test.ts"], rules: pureCoreOnly },
  globalIgnores([".next/**", ".next-*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
