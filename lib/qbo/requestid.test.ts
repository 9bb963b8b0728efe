import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/qbo/requestid";

describe("requestIdFor", () => {
  it("is a 36-char UUID v5", () => {
    const id = requestIdFor("outbox:42:create-bill");
    expect(id).toHaveLength(36);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("is stable for the same intention and differs between intentions", () => {
    expect(requestIdFor("intent-1")).toBe(requestIdFor("intent-1"));
    expect(requestIdFor("intent-1")).not.toBe(requestIdFor("intent-2"));
    expect(requestIdFor("a".repeat(10_000))).toHaveLength(36);
    const many = new Set(Array.from({ length: 1000 }, (_, i) => requestIdFor(`intent-${i}`)));
    expect(many.size).toBe(1000);
  });

  it("pins the derivation (changing it would break replay of in-flight writes)", () => {
    expect(requestIdFor("intent-1")).toBe("ade7d3d2-aa26-577f-b276-a3f0de4b7d63");
  });

  it("refuses an empty intention id", () => {
    expect(() => requestIdFor("")).toThrow();
  });
});
