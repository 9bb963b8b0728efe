import { describe, expect, it } from "vitest";
import { QboError, classifyQboError, parseQboFault, qboErrorFromFault } from "@/lib/qbo/errors";

const json = (value: unknown) => JSON.stringify(value);

describe("parseQboFault — upper-case JSON Fault.Error[]", () => {
  it("reads code, message, detail, element, type and intuit_tid", () => {
    const body = json({
      Fault: {
        Error: [
          {
            Message: "Duplicate Name Exists Error",
            Detail: "The name supplied already exists. : Id=58",
            code: "6240",
            element: "DisplayName",
          },
        ],
        type: "ValidationFault",
      },
      time: "2026-01-01T00:00:00.000-08:00",
    });
    const error = parseQboFault(400, new Headers({ intuit_tid: "tid-123" }), body);
    expect(error).toBeInstanceOf(QboError);
    expect(error).toMatchObject({
      code: "6240",
      message: "Duplicate Name Exists Error",
      detail: "The name supplied already exists. : Id=58",
      element: "DisplayName",
      httpStatus: 400,
      intuitTid: "tid-123",
      faultType: "ValidationFault",
      kind: "duplicate",
    });
  });

  it("keeps every error of a multi-error fault, headline first", () => {
    const body = json({
      Fault: {
        Error: [
          { Message: "Stale Object Error", Detail: "You and x were working on this", code: "5010" },
          { Message: "Other", Detail: "d", code: "6000" },
        ],
        type: "ValidationFault",
      },
    });
    const error = parseQboFault(400, {}, body);
    expect(error?.kind).toBe("stale");
    expect(error?.errors.map((e) => e.code)).toEqual(["5010", "6000"]);
  });

  it("detects a Fault inside an HTTP 200 body", () => {
    const body = json({
      Fault: { Error: [{ Message: "Object Not Found", Detail: "Something you're trying to use has been made inactive", code: "610" }], type: "ValidationFault" },
    });
    const error = parseQboFault(200, {}, body);
    expect(error?.kind).toBe("not_found");
    expect(error?.httpStatus).toBe(200);
  });

  it("tolerates element: null, numeric codes and missing Detail", () => {
    const body = json({ Fault: { Error: [{ Message: "Invalid Reference Id", code: 2500, element: null }] } });
    const error = parseQboFault(400, {}, body);
    expect(error).toMatchObject({ code: "2500", detail: "", kind: "not_found" });
    expect(error?.element).toBeUndefined();
    expect(error?.faultType).toBeUndefined();
  });
});

describe("parseQboFault — lower-case JSON fault.error[] (401)", () => {
  it("maps 3200 to auth", () => {
    const body = json({
      warnings: null,
      intuitObject: null,
      fault: {
        error: [
          {
            message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
            detail: "Token expired: AB11…",
            code: "3200",
            element: null,
          },
        ],
        type: "AUTHENTICATION",
      },
      report: null,
    });
    const error = parseQboFault(401, { "Intuit_Tid": "abc" }, body);
    expect(error).toMatchObject({ code: "3200", kind: "auth", faultType: "AUTHENTICATION", intuitTid: "abc", httpStatus: 401 });
    expect(error?.message).toContain("AuthenticationFailed");
    expect(error?.detail).toBe("Token expired: AB11…");
  });

  it("takes the code from the message when the code field is missing", () => {
    const body = json({ fault: { error: [{ message: "message=ThrottleExceeded; errorCode=003001; statusCode=429" }], type: "SERVICE" } });
    const error = parseQboFault(429, {}, body);
    expect(error).toMatchObject({ code: "3001", kind: "throttle" });
  });
});

describe("parseQboFault — XML", () => {
  it("reads the throttling fault", () => {
    const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2026-01-01T10:00:00.000-08:00">
  <Fault type="SERVICE">
    <Error code="3001">
      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>
      <Detail>The request limit was reached.  Please try again later &amp; slower.</Detail>
    </Error>
  </Fault>
</IntuitResponse>`;
    const error = parseQboFault(429, new Headers({ intuit_tid: "x1" }), body);
    expect(error).toMatchObject({
      code: "3001",
      kind: "throttle",
      faultType: "SERVICE",
      intuitTid: "x1",
      detail: "The request limit was reached.  Please try again later & slower.",
    });
    expect(error?.retryable).toBe(true);
  });

  it("reads an authentication fault with element attribute and several errors", () => {
    const body = `<IntuitResponse><Fault type='AUTHENTICATION'><Error code="3200" element="token"><Message>message=AuthenticationFailed; errorCode=003200; statusCode=401</Message></Error><Error code="120"><Message>Authorization Failure</Message><Detail><![CDATA[User <b>lost</b> admin]]></Detail></Error></Fault></IntuitResponse>`;
    const error = parseQboFault(401, {}, body);
    expect(error).toMatchObject({ code: "3200", element: "token", kind: "auth", faultType: "AUTHENTICATION", detail: "" });
    expect(error?.errors[1]).toMatchObject({ code: "120", detail: "User <b>lost</b> admin" });
  });

  it("handles namespace prefixes and self-closing errors", () => {
    const body = `<ns2:IntuitResponse xmlns:ns2="x"><ns2:Fault type="ValidationFault"><ns2:Error code="6210"/></ns2:Fault></ns2:IntuitResponse>`;
    expect(parseQboFault(400, {}, body)).toMatchObject({ code: "6210", kind: "closed_period", message: "QBO error 6210" });
  });
});

describe("parseQboFault — non-fault and unreadable bodies", () => {
  it("returns null for a successful entity response", () => {
    expect(parseQboFault(200, {}, json({ Bill: { Id: "1" }, time: "t" }))).toBeNull();
    expect(parseQboFault(200, {}, json({ QueryResponse: {} }))).toBeNull();
    expect(parseQboFault(200, {}, "")).toBeNull();
  });

  it("returns a status-based error for empty or HTML error bodies", () => {
    expect(parseQboFault(503, {}, "<html><body>Service Unavailable</body></html>")).toMatchObject({
      code: "HTTP_503",
      kind: "transient",
      httpStatus: 503,
    });
    expect(parseQboFault(429, {}, "")).toMatchObject({ code: "HTTP_429", kind: "throttle" });
    expect(parseQboFault(401, {}, "not json")).toMatchObject({ code: "HTTP_401", kind: "auth" });
    expect(parseQboFault(400, {}, "{broken")).toMatchObject({ code: "HTTP_400", kind: "validation" });
  });

  it("reads OAuth token-endpoint errors", () => {
    const error = parseQboFault(400, {}, json({ error: "invalid_grant", error_description: "Token invalid" }));
    expect(error).toMatchObject({ code: "invalid_grant", kind: "auth", detail: "Token invalid" });
  });
});

describe("classifyQboError", () => {
  it.each([
    ["5010", 400, "stale"],
    ["610", 400, "not_found"],
    ["2500", 400, "not_found"],
    ["6240", 400, "duplicate"],
    ["6140", 400, "duplicate"],
    ["6210", 400, "closed_period"],
    ["6540", 400, "validation"],
    ["6000", 400, "validation"],
    ["2020", 400, "validation"],
    ["4000", 400, "validation"],
    ["3200", 401, "auth"],
    ["3100", 403, "auth"],
    ["120", 401, "auth"],
    ["3001", 429, "throttle"],
    ["6190", 400, "fatal"],
    ["10000", 500, "transient"],
    ["unknown", 502, "transient"],
    ["unknown", 429, "throttle"],
  ] as const)("code %s at HTTP %d is %s", (code, status, kind) => {
    expect(classifyQboError(code, status)).toBe(kind);
  });
});

describe("qboErrorFromFault (batch items)", () => {
  it("reads a batch item fault and ignores non-faults", () => {
    const error = qboErrorFromFault(
      { Error: [{ Message: "Duplicate Document Number Error", Detail: "Duplicate Document Number Error : You must specify a different number.", code: "6140", element: "" }], type: "ValidationFault" },
      200,
    );
    expect(error).toMatchObject({ code: "6140", kind: "duplicate" });
    expect(qboErrorFromFault({ Id: "1" }, 200)).toBeNull();
    expect(qboErrorFromFault(undefined, 200)).toBeNull();
  });

  it("renders a useful string", () => {
    const error = qboErrorFromFault({ Error: [{ Message: "Stale Object Error", Detail: "old SyncToken", code: "5010" }] }, 400, "t9");
    expect(String(error)).toBe("QboError 5010 (stale, HTTP 400) Stale Object Error: old SyncToken [intuit_tid t9]");
  });
});
