import { describe, expect, it } from "vitest";
import { formDataToObject, FormShapeError, MAX_FORM_ROWS, NUL_MESSAGE } from "./form-data";

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

describe("formDataToObject against hostile keys", () => {
  it("refuses a huge row index as a field error instead of building a sparse array", () => {
    const f = new FormData();
    f.set("name.100000000", "Ann");
    expect(() => formDataToObject(f)).toThrow(FormShapeError);
    try {
      formDataToObject(f);
    } catch (error) {
      expect((error as FormShapeError).fieldErrors).toEqual({ "name.100000000": [`A form has at most ${MAX_FORM_ROWS} rows.`] });
    }
  });

  it("accepts the last allowed row and refuses the first one past it", () => {
    const ok = new FormData();
    ok.set(`lines.${MAX_FORM_ROWS - 1}.amount`, "1");
    expect(formDataToObject(ok)).toEqual({ lines: [{ amount: "1" }] });
    const tooMany = new FormData();
    tooMany.set(`lines.${MAX_FORM_ROWS}.amount`, "1");
    expect(() => formDataToObject(tooMany)).toThrow(FormShapeError);
  });

  it("builds rows densely, in index order, whatever order the fields came in", () => {
    const f = new FormData();
    f.set("lines.7.amount", "7");
    f.set("lines.2.amount", "2");
    f.set("lines.7.memo", "seven");
    expect(formDataToObject(f)).toEqual({ lines: [{ amount: "2" }, { amount: "7", memo: "seven" }] });
  });

  it("refuses non-canonical indexes, keys nested too deep and rows mixed with named fields", () => {
    for (const key of ["lines.007.amount", "a.b.c.d.e.f", "lines.0.amount&lines.x"]) {
      const f = new FormData();
      for (const part of key.split("&")) f.set(part, "1");
      expect(() => formDataToObject(f), key).toThrow(FormShapeError);
    }
  });
});

describe("formDataToObject against NUL characters (PostgreSQL cannot store them)", () => {
  it("refuses a NUL in any text field as that field's error", () => {
    const f = new FormData();
    f.set("billNumber", "B-1");
    f.set("lines.0.description", "Rent\u0000");
    expect(() => formDataToObject(f)).toThrow(FormShapeError);
    try {
      formDataToObject(f);
    } catch (error) {
      expect((error as FormShapeError).fieldErrors).toEqual({ "lines.0.description": [NUL_MESSAGE] });
    }
  });

  it("refuses a NUL in an uploaded file's name", () => {
    const f = new FormData();
    f.set("file", new File(["x"], "invoice\u0000.pdf"));
    expect(() => formDataToObject(f)).toThrow(FormShapeError);
  });
});
