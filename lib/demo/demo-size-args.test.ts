import { describe, expect, it } from "vitest";
import { demoSizeFromArgs } from "./demo-size-args";
import { DEFAULT_DEMO_SIZE } from "./seed-demo";

describe("demoSizeFromArgs", () => {
  it("defaults to the small demo", () => {
    expect(demoSizeFromArgs([])).toEqual(DEFAULT_DEMO_SIZE);
  });
  it("takes the large demo's counts", () => {
    expect(demoSizeFromArgs(["--bills", "10000", "--invoices", "10000"])).toEqual({ bills: 10000, invoices: 10000 });
  });
  it("refuses nonsense with a message naming the flag", () => {
    expect(() => demoSizeFromArgs(["--bills", "lots"])).toThrow(/--bills must be a whole number/);
    expect(() => demoSizeFromArgs(["--colour", "red"])).toThrow();
  });
});
