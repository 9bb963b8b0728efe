/**
 * QBO fault shapes. Validation faults use the capitalised envelope; 401s use QBO's lower-case variant;
 * injected 5xx faults answer XML/HTML on purpose so clients must survive non-JSON bodies.
 */
import type { JsonObject } from "./types";

export type FaultType = "ValidationFault" | "SERVICE" | "AUTHENTICATION" | "AuthorizationFault" | "SystemFault";

/** A QBO error raised by the rules engine; rendered as `{"Fault": …}`. */
export class QboFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: string,
    readonly element: string = "",
    readonly httpStatus: number = 400,
    readonly type: FaultType = "ValidationFault",
  ) {
    super(message);
    this.name = "QboFault";
  }

  toJson(): JsonObject {
    return {
      Error: [{ Message: this.message, Detail: this.detail, code: this.code, element: this.element }],
      type: this.type,
    };
  }
}

export const faults = {
  staleObject: (entity: string, id: string) =>
    new QboFault(
      "5010",
      "Stale Object Error",
      `Stale Object Error : You and a QuickBooks user were working on this at the same time. The other user finished before you did, so your work was not saved. (${entity} Id=${id})`,
      "SyncToken",
    ),
  notFound: (detail: string, element = "") =>
    new QboFault("610", "Object Not Found", `Object Not Found : ${detail}`, element),
  inactiveReference: (entity: string, id: string, element: string) =>
    new QboFault(
      "610",
      "Object Not Found",
      `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${entity} Id=${id})`,
      element,
    ),
  invalidReference: (entity: string, id: string, element: string) =>
    new QboFault(
      "2500",
      "Invalid Reference Id",
      `Invalid Reference Id : ${entity} assigned to this transaction does not exist or has been deleted (Id=${id}).`,
      element,
    ),
  duplicateName: (name: string) =>
    new QboFault(
      "6240",
      "Duplicate Name Exists Error",
      `The name supplied already exists. : Another customer, vendor or employee is already using this name (${name}). Please use a different name.`,
      "DisplayName",
    ),
  duplicateListName: (entity: string, name: string) =>
    new QboFault(
      "6240",
      "Duplicate Name Exists Error",
      `The name supplied already exists. : Another ${entity} is already using this name (${name}).`,
      "Name",
    ),
  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string) =>
    new QboFault(
      "6140",
      "Duplicate Document Number Error",
      `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`,
      "DocNumber",
    ),
  periodClosed: (bookCloseDate: string) =>
    new QboFault(
      "6210",
      "Account Period Closed",
      `The account period has closed and the books are locked as of ${bookCloseDate}. Transactions dated on or before the closing date cannot be created or changed.`,
      "TxnDate",
    ),
  requiredParam: (element: string) =>
    new QboFault(
      "2020",
      "Required param missing, need to supply the required value for the API",
      `Required parameter ${element} is missing in the request`,
      element,
    ),
  businessValidation: (detail: string, element = "") =>
    new QboFault(
      "6000",
      "A business validation error has occurred while processing your request",
      `Business Validation Error: ${detail}`,
      element,
    ),
  queryParse: (detail: string) => new QboFault("4000", "Error parsing query", `QueryParserError: ${detail}`),
  queryValidation: (detail: string) => new QboFault("4001", "Invalid query", `QueryValidationError: ${detail}`),
  requestValidation: (detail: string, element = "") =>
    new QboFault("2010", "Request has invalid or unsupported property", `Property Name:${detail}`, element),
  unsupportedOperation: (detail: string) =>
    new QboFault("500", "Unsupported Operation", `Operation ${detail} is not supported.`),
  malformedRequest: (detail: string) =>
    new QboFault("2030", "Invalid ID", `Request is malformed: ${detail}`),
  /** QBO answers a path it does not serve with 400, code 500 (Intuit, "Handling common errors"). */
  unknownResource: (path: string) =>
    new QboFault("500", "Unsupported Operation", `Operation ${path} is not supported.`, ""),
  /** 2050, worded as QBO words it (quickbooks-ruby PR #436, quickbooks-php issue #79). */
  lengthExceeded: (element: string, max: number, supplied: number) =>
    new QboFault(
      "2050",
      "String length is either shorter or longer than supported by specification",
      `String length specified does not match the supported length. Min:0 Max:${max.toLocaleString("en-US")} supported. Supplied length:${supplied.toLocaleString("en-US")}`,
      element,
    ),
  /** A value QBO cannot deserialise (an impossible date) is a 2010 request fault, never a 5xx. */
  invalidDate: (element: string, value: string) =>
    new QboFault(
      "2010",
      "Request has invalid or unsupported property",
      `Property Name:Can not parse "${value}" as a date (yyyy-MM-dd) specified is unsupported or invalid`,
      element,
    ),
  authorization: (detail: string) =>
    new QboFault("3100", "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403", detail, "", 403, "AuthorizationFault"),
  throttled: () =>
    new QboFault(
      "3001",
      "message=ThrottleExceeded; errorCode=003001; statusCode=429",
      "The request limit was reached. Please try again later.",
      "",
      429,
      "SERVICE",
    ),
};

export function faultBody(fault: QboFault, time: string): JsonObject {
  return { Fault: fault.toJson(), time };
}

/** QBO's lower-case 401 envelope. */
export function authenticationFailedBody(detail: string, time: string): JsonObject {
  return {
    fault: {
      error: [
        {
          message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
          detail,
          code: "3200",
        },
      ],
      type: "AUTHENTICATION",
    },
    time,
  };
}

export function xmlServerErrorBody(time: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="${time}">` +
    `<Fault type="SystemFault"><Error code="10000"><Message>An application error has occurred while processing your request</Message>` +
    `<Detail>System Failure Error: An unexpected error occurred while accessing or saving your data.</Detail></Error></Fault></IntuitResponse>`
  );
}

export const SERVICE_UNAVAILABLE_HTML =
  "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>";
