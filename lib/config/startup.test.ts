import { describe, expect, it, vi } from "vitest";

describe("checkEnvOrExit", () => {
  it("stops the process with the message when production lacks AUTH_SECRET", async () => {
    vi.resetModules();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_MODE", "0");
    vi.stubEnv("AUTH_SECRET", "");
    const { checkEnvOrExit } = await import("./startup");
    let written = "";
    const exit = vi.fn((code: number): never => {
      throw new Error(`exit ${code}`);
    });
    expect(() => checkEnvOrExit(exit, (text) => (written += text))).toThrow("exit 1");
    expect(written).toContain("AUTH_SECRET: required in production");
    expect(written).toContain("did not start");
    vi.unstubAllEnvs();
  });
});
