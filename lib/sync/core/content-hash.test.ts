import { describe, expect, it } from "vitest";

import { canonicalJson, contentHash } from "@/lib/sync/core/content-hash";

describe("contentHash", () => {
  it("ignores key order and undefined members", () => {
    expect(contentHash({ a: 1, b: "x", c: undefined })).toBe(contentHash({ b: "x", a: 1 }));
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: null })).toBe('{"a":null,"b":[1,{"c":3,"d":2}]}');
  });
  it("changes when a value or the array order changes", () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  });
  it("is a sha256 hex digest", () => {
    expect(contentHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
