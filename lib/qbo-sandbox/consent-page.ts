/**
 * The sandbox's stand-in for Intuit's consent screen: "Connect to <CompanyName>", a company chooser
 * when there are several, Approve and Deny. With no company yet it offers to create a demo company.
 */

export interface ConsentCompany {
  realmId: string;
  companyName: string;
}

export interface ConsentPageInput {
  action: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scope: string;
  companies: ConsentCompany[];
  /** Default name of the company offered for creation when there is none yet. */
  newCompanyName?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f8;margin:0;padding:48px}
main{max-width:440px;margin:auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px #0002}
h1{font-size:22px;margin:0 0 8px}p{color:#444}label{display:block;margin:8px 0}
.actions{display:flex;gap:12px;margin-top:24px}button{padding:10px 20px;border-radius:6px;border:1px solid #2ca01c;font-size:15px;cursor:pointer}
button[value=approve],button[value=create]{background:#2ca01c;color:#fff}button[value=deny]{background:#fff;color:#2ca01c}
.badge{font-size:12px;color:#666}
input[name=company_name]{display:block;width:100%;box-sizing:border-box;margin-top:6px;padding:8px 10px;font-size:15px;border:1px solid #bbb;border-radius:6px}`;

export function renderConsentPage(input: ConsentPageInput): string {
  const common =
    hidden("client_id", input.clientId) +
    hidden("redirect_uri", input.redirectUri) +
    hidden("state", input.state) +
    hidden("scope", input.scope);
  const first = input.companies[0];
  let body: string;
  if (!first) {
    body = `<h1>Connect to a new sandbox company</h1>
<p>There is no sandbox company yet. Create one with demo data and connect it.</p>
<label>Company name <input name="company_name" maxlength="100" value="${escapeHtml(input.newCompanyName ?? "Sandbox Company US")}"></label>
<div class="actions"><button type="submit" name="decision" value="create">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div>`;
  } else if (input.companies.length === 1) {
    body = `<h1>Connect to ${escapeHtml(first.companyName)}</h1>
<p>Ledgerbridge wants to read and write this company's accounting data.</p>
${hidden("realmId", first.realmId)}
<p class="badge">Company ID (realm) ${escapeHtml(first.realmId)}</p>
<div class="actions"><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div>`;
  } else {
    const options = input.companies
      .map(
        (company, index) =>
          `<label><input type="radio" name="realmId" value="${escapeHtml(company.realmId)}"${index === 0 ? " checked" : ""}> ${escapeHtml(company.companyName)} <span class="badge">(${escapeHtml(company.realmId)})</span></label>`,
      )
      .join("\n");
    body = `<h1>Connect to ${escapeHtml(first.companyName)}</h1>
<p>Choose the company Ledgerbridge may read and write:</p>
<fieldset><legend>Company</legend>${options}</fieldset>
<div class="actions"><button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Intuit sandbox — authorize</title>
<style>${STYLE}</style></head><body><main><form method="post" action="${escapeHtml(input.action)}">
${common}${body}</form></main></body></html>`;
}

export function renderErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Authorization error</title><style>${STYLE}</style></head>
<body><main><h1>Authorization error</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
