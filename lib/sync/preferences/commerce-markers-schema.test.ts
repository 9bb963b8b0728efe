import { describe, expect, it } from "vitest";
import { commerceMarkersSchema } from "./commerce-markers-schema";

describe("commerceMarkersSchema (Settings → Sync → QuickBooks Commerce markers)", () => {
  it("reads one marker a line, trimmed, blank lines dropped, duplicates (any case) once", () => {
    expect(commerceMarkersSchema.parse({ docNumberPrefixes: " SHOP-\r\n\nWEB-\nshop-\n", memoPhrases: "Shopify   order\n" })).toEqual({
      docNumberPrefixes: ["SHOP-", "WEB-"],
      memoPhrases: ["Shopify order"],
    });
    expect(commerceMarkersSchema.parse({})).toEqual({ docNumberPrefixes: [], memoPhrases: [] });
    expect(commerceMarkersSchema.parse({ docNumberPrefixes: ["PO-"], memoPhrases: [] })).toEqual({ docNumberPrefixes: ["PO-"], memoPhrases: [] });
  });

  it("refuses markers so short they would hide ordinary bills, too long, or too many", () => {
    const result = commerceMarkersSchema.safeParse({ docNumberPrefixes: "S\n" + "X".repeat(22), memoPhrases: "ab" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toEqual([
      "docNumberPrefixes: “S” is too short: a prefix needs at least 2 characters",
      `docNumberPrefixes: “${"X".repeat(22)}…” is too long: a prefix has at most 21 characters`,
      "memoPhrases: “ab” is too short: a phrase needs at least 3 characters",
    ]);
    const many = commerceMarkersSchema.safeParse({ memoPhrases: Array.from({ length: 21 }, (_, i) => `phrase ${i}`).join("\n") });
    expect(many.error?.issues[0]?.message).toBe("Enter at most 20, one a line");
    expect(commerceMarkersSchema.safeParse({ memoPhrases: 42 }).success).toBe(false);
  });
});
