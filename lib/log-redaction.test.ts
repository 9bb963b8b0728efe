import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { REDACTED, redactText, redactValue } from "./log-redaction";

const HASH = "$2b$10$abcdefghijklmnopqrstuuKX8yW0r7Vw2m0bZ1k5y3u9Qp6s4tE2a";

describe("redactText", () => {
  it("drops the parameters of a failed drizzle query but keeps the SQL", () => {
    const error = new DrizzleQueryError(
      'insert into "users" ("id", "email", "name", "password_hash") values (default, $1, $2, $3) returning "id"',
      ["ann@example.com", "Ann", HASH],
    );
    const out = redactText(error.message);
    expect(out).toContain('insert into "users"');
    expect(out).toContain(`params: ${REDACTED}`);
    expect(out).not.toContain("ann@example.com");
    expect(out).not.toContain("$2b$");
  });

  it("drops the parameters inside a stack trace and keeps the frames", () => {
    const stack = `Error: Failed query: select 1 where id = $1\nparams: secret-value,line two\nstill a param\n    at run (/app/x.js:1:1)\n    at next (/app/y.js:2:2)`;
    const out = redactText(stack);
    expect(out).toBe(`Error: Failed query: select 1 where id = $1\nparams: ${REDACTED}\n    at run (/app/x.js:1:1)\n    at next (/app/y.js:2:2)`);
  });

  it("removes bcrypt hashes, bearer tokens and JWTs wherever they appear", () => {
    expect(redactText(`hash ${HASH} stored`)).toBe(`hash ${REDACTED} stored`);
    expect(redactText(`hash ${HASH.replace("$2b$", "$2a$")}`)).toBe(`hash ${REDACTED}`);
    expect(redactText("Authorization: Bearer abc.DEF-123_x~")).not.toContain("abc.DEF");
    expect(redactText("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-1 end")).toBe(`token ${REDACTED} end`);
  });

  it("removes the value of secret-looking keys in JSON, query strings and prose", () => {
    const out = redactText('{"access_token":"at-123","refresh_token":"rt-456","expires_in":3600} grant=refresh&refresh_token=rt-789 password: hunter22 client_secret=cs-1');
    for (const secret of ["at-123", "rt-456", "rt-789", "hunter22", "cs-1"]) expect(out).not.toContain(secret);
    expect(out).toContain('"expires_in":3600');
  });

  it("leaves ordinary text alone", () => {
    const text = "Bill 1001 for Acme: 3 lines, total 120.00 USD";
    expect(redactText(text)).toBe(text);
  });
});

describe("redactValue", () => {
  it("blanks the value of a secret key whatever it is, and redacts other strings", () => {
    expect(redactValue("accessToken", "at-1")).toBe(REDACTED);
    expect(redactValue("refresh_token", "rt-1")).toBe(REDACTED);
    expect(redactValue("passwordHash", HASH)).toBe(REDACTED);
    expect(redactValue("clientSecret", { nested: 1 })).toBe(REDACTED);
    expect(redactValue("note", `hash ${HASH}`)).toBe(`hash ${REDACTED}`);
    expect(redactValue("count", 3)).toBe(3);
  });
});
