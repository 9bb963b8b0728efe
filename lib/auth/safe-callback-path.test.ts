import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

const app = "http://127.0.0.1:3000";

describe("safeCallbackPath", () => {
  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeCallbackPath("/o/acme/bills?status=open#top", app)).toBe("/o/acme/bills?status=open#top");
    expect(safeCallbackPath("/o/acme", app)).toBe("/o/acme");
    expect(safeCallbackPath(`${app}/o/acme`, app)).toBe("/o/acme");
  });

  it.each([
    "/\\evil.example/x",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http://evil.example/o/acme",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/x/..//evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://127.0.0.1:3001/o/acme",
    "https://127.0.0.1:3000/o/acme",
    "http://user@evil.example",
  ])("refuses %j", (hostile) => {
    expect(safeCallbackPath(hostile, app)).toBe("/");
  });

  it("keeps an encoded backslash as a path on this site (the browser does not decode it into a host)", () => {
    expect(safeCallbackPath("/%5Cevil.example", app)).toBe("/%5Cevil.example");
    expect(safeCallbackPath("/%2F%2Fevil.example", app)).toBe("/%2F%2Fevil.example");
  });

  it("falls back for missing, empty, non-string and oversized input, to the given default", () => {
    expect(safeCallbackPath(undefined, app)).toBe("/");
    expect(safeCallbackPath("", app)).toBe("/");
    expect(safeCallbackPath(["/o/a"], app)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(5000)}`, app)).toBe("/");
    expect(safeCallbackPath("//evil.example", app, "/o/acme")).toBe("/o/acme");
  });

  it("treats a relative path without a slash as relative to the site root", () => {
    expect(safeCallbackPath("o/acme", app)).toBe("/o/acme");
  });
});
