import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./parse-form";

const schema = z.object({ name: z.string().min(1, "Enter a name.") });

describe("parseForm (every server action's form)", () => {
  it("turns a malformed field name into a field error, like the sign-up attack `name.1000000000`", () => {
    const form = new FormData();
    form.set("name.1000000000", "x");
    expect(parseForm(form, schema)).toEqual({
      ok: false,
      failure: { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { "name.1000000000": ["A form has at most 500 rows."] } },
    });
  });

  it("drops routing fields and validates the rest", () => {
    const form = new FormData();
    form.set("orgSlug", "acme");
    form.set("name", "");
    expect(parseForm(form, schema, { omit: ["orgSlug"] })).toMatchObject({ ok: false, failure: { fieldErrors: { name: ["Enter a name."] } } });
    form.set("name", "Ann");
    expect(parseForm(form, schema, { omit: ["orgSlug"] })).toEqual({ ok: true, data: { name: "Ann" } });
  });
});
