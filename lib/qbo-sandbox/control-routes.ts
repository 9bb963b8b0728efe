/**
 * The sandbox control API under `/_sandbox/` (JSON in, JSON out; no auth — it is a test double):
 *   GET  /_sandbox/companies                          list
 *   POST /_sandbox/companies                          {name?, seed?} → {realmId, companyName}
 *   GET  /_sandbox/companies/{realm}                  summary + settings
 *   POST /_sandbox/companies/{realm}/act              {actions:[…]} act as a QBO user
 *   GET  /_sandbox/companies/{realm}/stats            request counters; POST …/stats/reset
 *   POST /_sandbox/companies/{realm}/settings         {duplicateDocNumberCheck?, bookCloseDate?, multiCurrencyEnabled?, companyName?, salesTax?}
 *   POST /_sandbox/companies/{realm}/tokens           tokens without the consent page
 *   GET  /_sandbox/companies/{realm}/records/{Entity}/{id}
 *   GET|POST|DELETE /_sandbox/faults                  list / inject / clear
 *   POST /_sandbox/throttling {enabled}   POST /_sandbox/clock {advanceMs}   POST /_sandbox/reset
 *   GET|POST /_sandbox/webhooks {format: "classic"|"cloudevents"}   shape of the webhooks sent
 */
import { z } from "zod";
import { callerIsGlobal, callerMayUse, type SandboxCaller } from "./caller";
import { SandboxError, type SandboxCore } from "./core";
import { QboFault } from "./faults";
import { DEFAULT_SALES_TAX } from "./sales-tax";
import { jsonResponse, readJson } from "./http";
import { ENTITY_NAMES } from "./types";
import { userActionsSchema } from "./user-actions";
import { WEBHOOK_FORMATS } from "./webhooks";

const seedSchema = z.object({
  vendors: z.number().int().min(0).max(100_000).optional(),
  customers: z.number().int().min(0).max(100_000).optional(),
  bills: z.number().int().min(0).max(100_000).optional(),
  invoices: z.number().int().min(0).max(100_000).optional(),
  randomSeed: z.number().int().optional(),
});

const createCompanySchema = z.object({ name: z.string().min(1).max(100).optional(), seed: seedSchema.optional() });

const faultSchema = z.object({
  realmId: z.string().optional(),
  kind: z.enum(["429", "500", "503", "timeout", "slow", "expire-tokens", "revoke-refresh"]),
  count: z.number().int().min(1).optional(),
  pathMatch: z.string().min(1).optional(),
  delayMs: z.number().int().min(0).optional(),
});

const settingsSchema = z.object({
  duplicateDocNumberCheck: z.boolean().optional(),
  bookCloseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  multiCurrencyEnabled: z.boolean().optional(),
  companyName: z.string().min(1).optional(),
  // Sales tax on invoices: true switches on the default code and rate (sales-tax.ts), or name them.
  salesTax: z
    .union([
      z.boolean(),
      z.object({
        taxCodeId: z.string().min(1).max(20),
        taxCodeName: z.string().min(1).max(100),
        taxRateId: z.string().min(1).max(20),
        ratePercent: z.number().min(0).max(100),
      }),
    ])
    .nullable()
    .optional()
    .transform((value) => (value === true ? DEFAULT_SALES_TAX : value === false ? null : value)),
});

const throttlingSchema = z.object({ enabled: z.boolean() });
const clockSchema = z.object({ advanceMs: z.number().int() });
const webhooksSchema = z.object({ format: z.enum(WEBHOOK_FORMATS) });

class BadRequest extends Error {
  constructor(readonly issues: unknown) {
    super("Invalid request body");
  }
}

async function body<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse((await readJson(request)) ?? {});
  if (!parsed.success) throw new BadRequest(z.treeifyError(parsed.error));
  return parsed.data;
}

async function dispatch(core: SandboxCore, request: Request, parts: string[], caller: SandboxCaller | undefined): Promise<Response> {
  const method = request.method;
  const [section, realmId, sub, ...rest] = parts;
  // A tenant's caller reaches its own companies only, and never the routes that act on everyone's.
  const realmScoped = section === "companies" && Boolean(realmId);
  const allowed = callerIsGlobal(caller) || section === "health" || (realmScoped && callerMayUse(caller, core.company(realmId!)));
  if (!allowed) {
    throw new SandboxError(404, realmScoped ? `No sandbox company with realmId ${realmId}` : `No control route ${method} /_sandbox/${parts.join("/")}`);
  }
  if (section === "health" && method === "GET") return jsonResponse(200, { ok: true, now: core.now().toISOString() });
  if (section === "reset" && method === "POST") {
    core.reset();
    return jsonResponse(200, { ok: true });
  }
  if (section === "throttling" && method === "POST") {
    core.setThrottling((await body(request, throttlingSchema)).enabled);
    return jsonResponse(200, { throttling: core.throttling });
  }
  if (section === "clock" && method === "POST") {
    return jsonResponse(200, { now: core.advanceClock((await body(request, clockSchema)).advanceMs).toISOString() });
  }
  if (section === "webhooks" && !realmId) {
    if (method === "POST") core.setWebhookFormat((await body(request, webhooksSchema)).format);
    if (method === "GET" || method === "POST") {
      return jsonResponse(200, { format: core.webhookFormat, enabled: Boolean(core.options.webhookUrl) });
    }
  }
  if (section === "faults" && !realmId) {
    if (method === "GET") return jsonResponse(200, { faults: core.listFaults() });
    if (method === "DELETE") {
      core.clearFaults();
      return jsonResponse(200, { ok: true });
    }
    if (method === "POST") return jsonResponse(200, { fault: core.injectFault(await body(request, faultSchema)) });
  }
  if (section === "companies" && !realmId) {
    if (method === "GET") return jsonResponse(200, { companies: core.listCompanies() });
    if (method === "POST") return jsonResponse(200, core.createCompany(await body(request, createCompanySchema)));
  }
  if (section === "companies" && realmId) {
    const company = core.company(realmId);
    if (!sub && method === "GET") {
      const summary = core.listCompanies().find((candidate) => candidate.realmId === realmId);
      return jsonResponse(200, { ...summary, settings: company.settings });
    }
    if (sub === "act" && method === "POST") return jsonResponse(200, core.act(realmId, (await body(request, userActionsSchema)).actions));
    if (sub === "stats" && rest.length === 0 && method === "GET") return jsonResponse(200, core.getStats(realmId));
    if (sub === "stats" && rest[0] === "reset" && method === "POST") {
      core.resetStats(realmId);
      return jsonResponse(200, core.getStats(realmId));
    }
    if (sub === "settings" && (method === "POST" || method === "PATCH")) {
      return jsonResponse(200, core.updateSettings(realmId, await body(request, settingsSchema)));
    }
    if (sub === "tokens" && method === "POST") return jsonResponse(200, core.issueTokens(realmId));
    if (sub === "records" && method === "GET") {
      const entity = ENTITY_NAMES.find((name) => name.toLowerCase() === (rest[0] ?? "").toLowerCase());
      const record = entity && rest[1] ? core.getRecord(realmId, entity, rest[1]) : undefined;
      return record ? jsonResponse(200, record) : jsonResponse(404, { error: "Record not found" });
    }
  }
  return jsonResponse(404, { error: `No control route ${method} /_sandbox/${parts.join("/")}` });
}

export async function handleControlRequest(core: SandboxCore, request: Request, parts: string[], caller?: SandboxCaller): Promise<Response> {
  try {
    return await dispatch(core, request, parts, caller);
  } catch (error) {
    if (error instanceof BadRequest) return jsonResponse(400, { error: error.message, issues: error.issues });
    if (error instanceof SandboxError) return jsonResponse(error.status, { error: error.message });
    if (error instanceof QboFault) return jsonResponse(error.httpStatus, { error: error.detail, Fault: error.toJson() });
    throw error;
  }
}
