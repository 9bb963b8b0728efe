import { describe, expect, it } from "vitest";
import { builtInSandboxEndpoints, intuitEndpoints, resolveQboEndpoints } from "@/lib/qbo/config";

describe("resolveQboEndpoints", () => {
  it("defaults to Intuit's sandbox", () => {
    expect(resolveQboEndpoints({})).toEqual(intuitEndpoints("sandbox"));
    expect(resolveQboEndpoints({}).apiBaseUrl).toBe("https://sandbox-quickbooks.api.intuit.com");
  });

  it("uses production hosts for QBO_ENVIRONMENT=production", () => {
    expect(resolveQboEndpoints({ QBO_ENVIRONMENT: "production" })).toEqual({
      apiBaseUrl: "https://quickbooks.api.intuit.com",
      authorizeUrl: "https://appcenter.intuit.com/connect/oauth2",
      tokenUrl: "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
      revokeUrl: "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
      environment: "production",
    });
  });

  it("lets each explicit override win on its own", () => {
    const endpoints = resolveQboEndpoints({
      QBO_ENVIRONMENT: "production",
      QBO_API_BASE_URL: "http://localhost:4010/",
      QBO_OAUTH_TOKEN_URL: "http://localhost:4010/token",
      QBO_OAUTH_AUTHORIZE_URL: "",
    });
    expect(endpoints.apiBaseUrl).toBe("http://localhost:4010");
    expect(endpoints.tokenUrl).toBe("http://localhost:4010/token");
    expect(endpoints.authorizeUrl).toBe("https://appcenter.intuit.com/connect/oauth2");
    expect(endpoints.environment).toBe("production");
  });

  it("can default to the built-in sandbox", () => {
    const endpoints = resolveQboEndpoints({ QBO_OAUTH_REVOKE_URL: "http://x.test/revoke" }, { builtInSandboxUrl: "http://127.0.0.1:4020" });
    expect(endpoints).toEqual({
      apiBaseUrl: "http://127.0.0.1:4020",
      authorizeUrl: "http://127.0.0.1:4020/oauth2/authorize",
      tokenUrl: "http://127.0.0.1:4020/oauth2/v1/tokens/bearer",
      revokeUrl: "http://x.test/revoke",
      environment: "sandbox",
    });
  });

  it("explains invalid input", () => {
    expect(() => resolveQboEndpoints({ QBO_ENVIRONMENT: "staging" })).toThrow(/QBO_ENVIRONMENT/);
    expect(() => resolveQboEndpoints({ QBO_API_BASE_URL: "not a url" })).toThrow(/QBO_API_BASE_URL/);
    expect(() => builtInSandboxEndpoints("nope")).toThrow();
  });
});
