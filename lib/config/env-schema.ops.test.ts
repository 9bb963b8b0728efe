import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

describe("parseEnv: operational variables", () => {
  it("LOG_LEVEL defaults to info and must be a known level", () => {
    expect(parseEnv({}).LOG_LEVEL).toBe("info");
    expect(parseEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });

  it("OPS_TOKEN is optional and, when set, long enough to guard anything", () => {
    expect(parseEnv({}).OPS_TOKEN).toBeUndefined();
    expect(parseEnv({ OPS_TOKEN: "" }).OPS_TOKEN).toBeUndefined();
    expect(parseEnv({ OPS_TOKEN: "a-long-enough-ops-token" }).OPS_TOKEN).toBe("a-long-enough-ops-token");
    expect(() => parseEnv({ OPS_TOKEN: "short" })).toThrow(/OPS_TOKEN/);
  });
});
