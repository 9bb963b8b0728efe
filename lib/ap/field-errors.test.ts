import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorMap, fieldErrorsFromZod } from "./field-errors";

describe("field errors", () => {
  it("flattens zod issues to dotted paths", () => {
    const schema = z.object({ lines: z.array(z.object({ amount: z.string().min(1, "Enter an amount.") })), name: z.string("Enter a name.") });
    const result = schema.safeParse({ lines: [{ amount: "1" }, { amount: "" }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFromZod(result.error)).toEqual([
      { path: "lines.1.amount", message: "Enter an amount." },
      { path: "name", message: "Enter a name." },
    ]);
  });

  it("groups messages by path, keeping order", () => {
    expect(
      fieldErrorMap([
        { path: "amount", message: "a" },
        { path: "", message: "form" },
        { path: "amount", message: "b" },
      ]),
    ).toEqual({ amount: ["a", "b"], "": ["form"] });
  });
});
