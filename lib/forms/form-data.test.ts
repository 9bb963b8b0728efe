import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("nests dotted keys into arrays and objects", () => {
    const f = new FormData();
    f.set("vendorId", "v1");
    f.set("lines.0.amount", "10.00");
    f.set("lines.0.accountId", "a1");
    f.set("lines.2.amount", "5");
    f.set("meta.note", "hi");
    expect(formDataToObject(f)).toEqual({
      vendorId: "v1",
      lines: [{ amount: "10.00", accountId: "a1" }, { amount: "5" }],
      meta: { note: "hi" },
    });
  });

  it("collects repeated keys and ignores React and prototype keys", () => {
    const f = new FormData();
    f.append("billIds", "b1");
    f.append("billIds", "b2");
    f.append("$ACTION_ID_abc", "");
    f.append("__proto__.polluted", "yes");
    const out = formDataToObject(f);
    expect(out).toEqual({ billIds: ["b1", "b2"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
