import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("makes readable URL slugs", () => {
    expect(slugify("Acme Plumbing, LLC")).toBe("acme-plumbing-llc");
    expect(slugify("  Café Démo  ")).toBe("cafe-demo");
    expect(slugify("!!!")).toBe("org");
  });
  it("caps the length without a trailing dash", () => {
    expect(slugify("a".repeat(39) + " b c")).toBe("a".repeat(39));
  });
  it("finds the first free variant", () => {
    expect(uniqueSlug("acme", new Set())).toBe("acme");
    expect(uniqueSlug("acme", new Set(["acme", "acme-2"]))).toBe("acme-3");
  });
});
