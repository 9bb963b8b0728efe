/**
 * Intuit's OAuth 2.0 endpoints as the sandbox serves them:
 *   GET  /oauth2/authorize            consent page (POST to the same path = the user's decision)
 *   POST /oauth2/v1/tokens/bearer     form body + Basic client auth; authorization_code | refresh_token
 *   POST /oauth2/v2/tokens/revoke     JSON {token} + Basic client auth
 * Error bodies follow RFC 6749 like Intuit's: {"error": "invalid_grant"} and friends.
 */
import { timingSafeEqual } from "node:crypto";
import { callerMayUse, type SandboxCaller } from "./caller";
import { renderConsentPage, renderErrorPage } from "./consent-page";
import type { SandboxCore } from "./core";
import { htmlResponse, jsonResponse, readJson, redirectResponse } from "./http";
import { isObject } from "./json";
import { DEFAULT_SEED } from "./seed";

export const ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function clientAuthenticated(core: SandboxCore, header: string | null): boolean {
  const match = header ? /^Basic\s+(.+)$/i.exec(header.trim()) : null;
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return false;
  return (
    sameSecret(decoded.slice(0, separator), core.options.clientId) &&
    sameSecret(decoded.slice(separator + 1), core.options.clientSecret)
  );
}

function oauthError(status: number, error: string, description?: string): Response {
  const body: Record<string, string> = { error };
  if (description) body["error_description"] = description;
  return jsonResponse(status, body, { "cache-control": "no-store" });
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state: string;
  scope: string;
}

function validateAuthorize(core: SandboxCore, params: URLSearchParams, requireResponseType: boolean): AuthorizeParams | string {
  const clientId = params.get("client_id") ?? "";
  const redirectUri = params.get("redirect_uri") ?? "";
  const scope = params.get("scope") ?? "";
  if (clientId !== core.options.clientId) return "Unknown client_id.";
  if (requireResponseType && params.get("response_type") !== "code") return "response_type must be code.";
  if (!/^https?:\/\//.test(redirectUri)) return "redirect_uri is missing or not an absolute http(s) URL.";
  if (!scope.split(/[\s+]+/).includes(ACCOUNTING_SCOPE)) return `scope must include ${ACCOUNTING_SCOPE}.`;
  return { clientId, redirectUri, state: params.get("state") ?? "", scope };
}

/** Shown when the host app vouches for no tenant: signed out, not an admin of the organisation, or a foreign state. */
const NO_COMPANY_FOR_CALLER =
  "No QuickBooks company is available to you here. Sign in to the app as an admin of the organisation and start the connection again from its settings.";
const COMPANY_NAME_MAX = 100;

/** The companies this caller may choose from, and whether it may create its own. */
function consentChoices(core: SandboxCore, caller: SandboxCaller | undefined) {
  const companies = [...core.companies.values()].filter((company) => callerMayUse(caller, company));
  const newCompany = caller?.newCompany;
  // One company per tenant: a tenant that has one approves it (its realm stays the same across reconnects).
  const mayCreate = caller ? Boolean(newCompany) && !companies.some((company) => company.tenant === newCompany?.tenant) : true;
  return { companies, mayCreate, newCompany };
}

export async function handleOAuthRequest(
  core: SandboxCore,
  request: Request,
  url: URL,
  path: string,
  caller?: SandboxCaller,
): Promise<Response | undefined> {
  if (path === "/oauth2/authorize" && request.method === "GET") {
    const params = validateAuthorize(core, url.searchParams, true);
    if (typeof params === "string") return htmlResponse(400, renderErrorPage(params));
    const choices = consentChoices(core, caller);
    if (choices.companies.length === 0 && !choices.mayCreate) return htmlResponse(403, renderErrorPage(NO_COMPANY_FOR_CALLER));
    return htmlResponse(
      200,
      renderConsentPage({
        action: `${core.options.basePath}/oauth2/authorize`,
        clientId: params.clientId,
        redirectUri: params.redirectUri,
        state: params.state,
        scope: params.scope,
        companies: choices.companies.map(({ realmId, companyName }) => ({ realmId, companyName })),
        ...(choices.newCompany ? { newCompanyName: choices.newCompany.name } : {}),
      }),
    );
  }
  if (path === "/oauth2/authorize" && request.method === "POST") {
    const form = new URLSearchParams(await request.text());
    const params = validateAuthorize(core, form, false);
    if (typeof params === "string") return htmlResponse(400, renderErrorPage(params));
    const decision = form.get("decision");
    const stateParam: Record<string, string> = params.state ? { state: params.state } : {};
    if (decision === "deny") return redirectResponse(withParams(params.redirectUri, { error: "access_denied", ...stateParam }));
    const choices = consentChoices(core, caller);
    if (choices.companies.length === 0 && !choices.mayCreate) return htmlResponse(403, renderErrorPage(NO_COMPANY_FOR_CALLER));
    let realmId = form.get("realmId") ?? "";
    if (decision === "create") {
      if (!choices.mayCreate) return htmlResponse(400, renderErrorPage("This organisation already has its sandbox company: approve that one."));
      const name = (form.get("company_name") ?? "").trim().slice(0, COMPANY_NAME_MAX) || choices.newCompany?.name;
      realmId = core.createCompany({ name, seed: DEFAULT_SEED, ...(choices.newCompany ? { tenant: choices.newCompany.tenant } : {}) }).realmId;
    } else if (decision !== "approve" || !choices.companies.some((company) => company.realmId === realmId)) {
      return htmlResponse(400, renderErrorPage("Choose a company and Approve or Deny."));
    }
    const code = core.oauth.issueCode(realmId, params.redirectUri, core.now().getTime());
    core.changed();
    return redirectResponse(withParams(params.redirectUri, { code, ...stateParam, realmId }));
  }
  if (path === "/oauth2/v1/tokens/bearer" && request.method === "POST") {
    if (!clientAuthenticated(core, request.headers.get("authorization"))) return oauthError(401, "invalid_client");
    const form = new URLSearchParams(await request.text());
    const grantType = form.get("grant_type");
    const nowMs = core.now().getTime();
    if (grantType === "authorization_code") {
      const result = core.oauth.exchangeCode(form.get("code") ?? "", form.get("redirect_uri") ?? "", nowMs);
      if (!result) return oauthError(400, "invalid_grant");
      core.changed();
      return jsonResponse(200, result.tokens, { "cache-control": "no-store" });
    }
    if (grantType === "refresh_token") {
      const tokens = core.oauth.refresh(form.get("refresh_token") ?? "", nowMs);
      if (!tokens) return oauthError(400, "invalid_grant", "Incorrect or invalid refresh token");
      core.changed();
      return jsonResponse(200, tokens, { "cache-control": "no-store" });
    }
    return oauthError(400, "unsupported_grant_type");
  }
  if (path === "/oauth2/v2/tokens/revoke" && request.method === "POST") {
    if (!clientAuthenticated(core, request.headers.get("authorization"))) return oauthError(401, "invalid_client");
    const body = await readJson(request);
    const token = isObject(body) && typeof body["token"] === "string" ? body["token"] : undefined;
    if (!token) return oauthError(400, "invalid_request", "token is required");
    // Intuit answers 200 for tokens it no longer knows, so revoking twice is harmless.
    if (core.oauth.revoke(token)) core.changed();
    return new Response(null, { status: 200 });
  }
  return undefined;
}
