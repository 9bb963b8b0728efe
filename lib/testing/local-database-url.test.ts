import { describe, expect, it } from "vitest";
import { assertLocalDatabaseUrl, withDatabaseName } from "./local-database-url";

describe("assertLocalDatabaseUrl", () => {
  it("accepts loopback hosts", () => {
    for (const url of ["postgres://postgres@127.0.0.1:5432/test", "postgresql://u@localhost/db", "postgres://u@[::1]/db"]) {
      expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
    }
  });
  it("refuses anything else", () => {
    expect(() => assertLocalDatabaseUrl("postgres://u@db.example.com/prod")).toThrow(/must point at localhost/);
    expect(() => assertLocalDatabaseUrl("postgres://u@10.0.0.5/prod")).toThrow(/10\.0\.0\.5/);
  });
  it("swaps the database name", () => {
    expect(withDatabaseName("postgres://u@127.0.0.1:5432/test?sslmode=disable", "lb_x")).toBe(
      "postgres://u@127.0.0.1:5432/lb_x?sslmode=disable",
    );
  });
});
