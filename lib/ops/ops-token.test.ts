import { describe, expect, it } from "vitest";
import { isOpsRequest } from "./ops-token";

const TOKEN = "an-operators-token-of-length";

describe("isOpsRequest", () => {
  it("accepts exactly the configured bearer token", () => {
    expect(isOpsRequest(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isOpsRequest(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it("refuses a wrong, partial, missing or differently-schemed token", () => {
    expect(isOpsRequest(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(isOpsRequest(`Bearer ${TOKEN.slice(0, 10)}`, TOKEN)).toBe(false);
    expect(isOpsRequest("Bearer", TOKEN)).toBe(false);
    expect(isOpsRequest(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(isOpsRequest(null, TOKEN)).toBe(false);
  });

  it("with no token configured, nobody is an operator", () => {
    expect(isOpsRequest("Bearer ", undefined)).toBe(false);
    expect(isOpsRequest("Bearer undefined", undefined)).toBe(false);
    expect(isOpsRequest("Bearer anything", "")).toBe(false);
  });
});
