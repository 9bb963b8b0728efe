/**
 * The sandbox's state and its typed control operations (create/seed companies, faults, user
 * actions, counters, settings, tokens, clock). The HTTP routes and in-process tests both use it.
 */
import { randomInt } from "node:crypto";
import { rebuildIndexes } from "./balances";
import { formatQboDate } from "./clock";
import type { EngineContext } from "./engine";
import { FaultInjector, type ActiveFault } from "./fault-injector";
import { deepClone } from "./json";
import { OAuthState } from "./oauth";
import type { DurabilityHook } from "./journal";
import { SandboxPersistence, type CompanyChangeEntry, type SandboxSnapshot } from "./persistence";
import { createCompanyBaseData, renderPreferences, seedCompany } from "./seed";
import { emptyStats } from "./stats";
import { CompanyState, type ReplayEntry } from "./store";
import { Throttle } from "./throttle";
import type {
  ChangeEvent,
  CompanySettings,
  CompanySummary,
  EntityName,
  FaultSpec,
  JsonObject,
  SandboxStats,
  SeedSpec,
  TokenResponse,
} from "./types";
import { ENTITY_NAMES } from "./types";
import { runUserAction, type UserAction, type UserActionsResult } from "./user-actions";
import { buildWebhookBodyIn, deliverWebhook, type WebhookFormat } from "./webhooks";

export interface QboSandboxOptions {
  /** Path prefix the sandbox is mounted under, e.g. "/qbo-sandbox" (default ""). */
  basePath?: string;
  clientId?: string;
  clientSecret?: string;
  webhookVerifierToken?: string;
  /** Where to POST webhooks when a simulated QBO user changes data. */
  webhookUrl?: string;
  /** Shape of the webhook body: Intuit's classic eventNotifications (default) or CloudEvents. */
  webhookFormat?: WebhookFormat;
  /** QBO's rate limits (default true; switch off for fast tests). */
  throttling?: boolean;
  /**
   * JSON file to load state from and keep it in, durably: every write is on disk before it is
   * answered (see persistence.ts). Memory only when unset.
   */
  persistPath?: string;
  /** Chaos tests only: called at each step of a durable write, so a test can kill the process there. */
  durabilityHook?: DurabilityHook;
  /** Injectable clock for tests. */
  now?: () => Date;
  /** Maximum items per batch request (default 30). */
  batchMaxItems?: number;
}

export interface ResolvedOptions {
  basePath: string;
  clientId: string;
  clientSecret: string;
  webhookVerifierToken: string;
  webhookUrl: string | undefined;
  persistPath: string | undefined;
  batchMaxItems: number;
}

export const SANDBOX_DEFAULTS = {
  clientId: "ledgerbridge-sandbox-client",
  clientSecret: "ledgerbridge-sandbox-secret",
  webhookVerifierToken: "ledgerbridge-sandbox-verifier",
  batchMaxItems: 30,
} as const;

export interface CreateCompanyInput {
  name?: string;
  seed?: SeedSpec;
  /** The tenant the company belongs to (see caller.ts). */
  tenant?: string;
}

export type SettingsPatch = Partial<CompanySettings> & { companyName?: string };

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

function normalizeBasePath(basePath: string | undefined): string {
  if (!basePath || basePath === "/") return "";
  const withSlash = basePath.startsWith("/") ? basePath : `/${basePath}`;
  return withSlash.replace(/\/+$/, "");
}

export class SandboxCore {
  readonly options: ResolvedOptions;
  companies = new Map<string, CompanyState>();
  oauth = new OAuthState();
  readonly throttle = new Throttle();
  readonly faults = new FaultInjector();
  throttling: boolean;
  /** Switchable at run time through the control API (`POST /_sandbox/webhooks`). */
  webhookFormat: WebhookFormat;
  private clockOffsetMs = 0;
  private readonly clock: () => Date;
  private readonly persistence: SandboxPersistence | undefined;
  /** Set when a durable write failed: the sandbox then refuses every request (fail-stop). */
  storageFailure: unknown = undefined;
  private readonly pendingWebhooks = new Set<Promise<boolean>>();

  constructor(options: QboSandboxOptions = {}) {
    this.options = {
      basePath: normalizeBasePath(options.basePath),
      clientId: options.clientId ?? SANDBOX_DEFAULTS.clientId,
      clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.clientSecret,
      webhookVerifierToken: options.webhookVerifierToken ?? SANDBOX_DEFAULTS.webhookVerifierToken,
      webhookUrl: options.webhookUrl,
      persistPath: options.persistPath,
      batchMaxItems: options.batchMaxItems ?? SANDBOX_DEFAULTS.batchMaxItems,
    };
    this.throttling = options.throttling ?? true;
    this.webhookFormat = options.webhookFormat ?? "classic";
    this.clock = options.now ?? (() => new Date());
    if (this.options.persistPath) {
      this.persistence = new SandboxPersistence(this.options.persistPath, options.durabilityHook);
      const { snapshot, entries } = this.persistence.load();
      this.restore(snapshot, entries, options.throttling);
    }
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.clockOffsetMs);
  }

  engine(company: CompanyState): EngineContext {
    return { company, now: this.now() };
  }

  /**
   * State changed outside an API write (control operations, OAuth): with persistence on, the whole
   * state is checkpointed before this returns.
   */
  changed(): void {
    try {
      this.persistence?.checkpoint(this.snapshot());
    } catch (error) {
      this.storageFailure = error;
      throw error;
    }
  }

  /**
   * An API write (or a simulated QBO user's change) happened in `company`: with persistence on, the
   * records it touched and its request-id answer are journalled and on disk before this returns,
   * i.e. before the client is answered.
   */
  committed(company: CompanyState, changes: readonly ChangeEvent[], replay?: [string, ReplayEntry]): void {
    if (!this.persistence || (changes.length === 0 && !replay)) return;
    try {
      if (this.persistence.append(company.changeEntry(changes, replay))) this.changed();
    } catch (error) {
      // Memory now holds a change the disk does not: serve nothing more until a restart reloads the disk.
      this.storageFailure = error;
      throw error;
    }
  }

  company(realmId: string): CompanyState {
    const company = this.companies.get(realmId);
    if (!company) throw new SandboxError(404, `No sandbox company with realmId ${realmId}`);
    return company;
  }

  private newRealmId(): string {
    let realmId: string;
    do realmId = `9341${String(randomInt(0, 1e12)).padStart(12, "0")}`;
    while (this.companies.has(realmId));
    return realmId;
  }

  createCompany(input: CreateCompanyInput = {}): { realmId: string; companyName: string } {
    const realmId = this.newRealmId();
    const companyName = input.name ?? `Sandbox Company US ${realmId.slice(-4)}`;
    const settings: CompanySettings = { duplicateDocNumberCheck: true, bookCloseDate: null, multiCurrencyEnabled: false, homeCurrency: "USD" };
    const company = new CompanyState(realmId, settings);
    company.tenant = input.tenant ?? null;
    const now = this.now();
    createCompanyBaseData(company, companyName, now);
    if (input.seed) seedCompany(company, input.seed, now);
    this.companies.set(realmId, company);
    this.changed();
    return { realmId, companyName };
  }

  listCompanies(): CompanySummary[] {
    return [...this.companies.values()].map((company) => {
      const counts: Partial<Record<EntityName, number>> = {};
      for (const name of ENTITY_NAMES) counts[name] = company.table(name).size;
      return { realmId: company.realmId, companyName: company.companyName, tenant: company.tenant, counts };
    });
  }

  reset(): void {
    this.companies.clear();
    this.oauth.clear();
    this.faults.clear();
    this.throttle.reset();
    this.clockOffsetMs = 0;
    this.changed();
  }

  /** Request faults are queued; "expire-tokens" and "revoke-refresh" act immediately. */
  injectFault(spec: FaultSpec): ActiveFault | null {
    if (spec.realmId) this.company(spec.realmId);
    if (spec.kind === "expire-tokens") {
      this.oauth.expireAccessTokens(spec.realmId, this.now().getTime());
      this.changed();
      return null;
    }
    if (spec.kind === "revoke-refresh") {
      this.oauth.revokeRealm(spec.realmId);
      this.changed();
      return null;
    }
    return this.faults.add({ ...spec, kind: spec.kind });
  }

  listFaults(): ActiveFault[] {
    return this.faults.list();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Runs user actions in order; stops at the first failing one (earlier ones stay applied). */
  act(realmId: string, actions: UserAction[]): UserActionsResult {
    const company = this.company(realmId);
    const results: JsonObject[] = [];
    const changes: ChangeEvent[] = [];
    try {
      for (const action of actions) {
        const outcome = runUserAction(this.engine(company), action);
        results.push(deepClone(outcome.body));
        changes.push(...outcome.changes);
      }
    } finally {
      if (changes.length > 0) {
        this.committed(company, changes);
        this.notify(realmId, changes);
      }
    }
    return { results, changes };
  }

  /** Fire-and-forget webhook for changes made "in QBO". */
  notify(realmId: string, changes: ChangeEvent[]): void {
    const url = this.options.webhookUrl;
    if (!url || changes.length === 0) return;
    const delivery = deliverWebhook(url, buildWebhookBodyIn(this.webhookFormat, realmId, changes), this.options.webhookVerifierToken);
    this.pendingWebhooks.add(delivery);
    void delivery.finally(() => this.pendingWebhooks.delete(delivery));
  }

  setWebhookFormat(format: WebhookFormat): void {
    this.webhookFormat = format;
  }

  getStats(realmId: string): SandboxStats {
    return structuredClone(this.company(realmId).stats);
  }

  resetStats(realmId: string): void {
    this.company(realmId).stats = emptyStats();
  }

  setThrottling(enabled: boolean): void {
    this.throttling = enabled;
    this.throttle.reset();
    this.changed();
  }

  updateSettings(realmId: string, patch: SettingsPatch): CompanySettings {
    const company = this.company(realmId);
    const { companyName, ...patched } = patch;
    // A setting left out of the patch (undefined) keeps its value.
    const settings = Object.fromEntries(Object.entries(patched).filter(([, value]) => value !== undefined));
    company.settings = { ...company.settings, ...settings };
    const info = company.get("CompanyInfo", "1");
    if (companyName && info) {
      info["CompanyName"] = companyName;
      info["LegalName"] = companyName;
    }
    renderPreferences(company);
    this.changed();
    return { ...company.settings };
  }

  /** Tokens for a company without the consent page (tests, scripts). */
  issueTokens(realmId: string): TokenResponse {
    this.company(realmId);
    const tokens = this.oauth.issueGrant(realmId, this.now().getTime());
    this.changed();
    return tokens;
  }

  advanceClock(ms: number): Date {
    this.clockOffsetMs += ms;
    this.changed();
    return this.now();
  }

  getRecord(realmId: string, entity: EntityName, id: string): JsonObject | undefined {
    const record = this.company(realmId).get(entity, id);
    return record ? deepClone(record) : undefined;
  }

  today(): string {
    return formatQboDate(this.now());
  }

  /** Waits for in-flight webhooks (state is on disk already: every change is written when it happens). */
  async flush(): Promise<void> {
    await Promise.all([...this.pendingWebhooks]);
  }

  /** Compacts the journal into one checkpoint and releases the files. */
  close(): void {
    if (!this.persistence) return;
    this.persistence.checkpoint(this.snapshot());
    this.persistence.close();
  }

  snapshot(): SandboxSnapshot {
    return {
      version: 1,
      companies: [...this.companies.values()].map((company) => company.toSnapshot()),
      oauth: this.oauth.toSnapshot(),
      throttling: this.throttling,
      clockOffsetMs: this.clockOffsetMs,
    };
  }

  /** The checkpoint, then the journalled writes after it. An explicit `throttling` option wins over the saved switch. */
  private restore(snapshot: SandboxSnapshot | undefined, entries: readonly CompanyChangeEntry[], throttlingOption: boolean | undefined): void {
    this.companies = new Map();
    for (const companySnapshot of snapshot?.companies ?? []) {
      const company = CompanyState.fromSnapshot(companySnapshot);
      this.companies.set(company.realmId, company);
    }
    for (const entry of entries) {
      const company = this.companies.get(entry.realmId);
      if (!company) throw new Error(`${this.options.persistPath}.journal names company ${entry.realmId}, which its checkpoint does not hold`);
      company.applyChange(entry);
    }
    for (const company of this.companies.values()) rebuildIndexes(company);
    if (!snapshot) return;
    this.oauth = OAuthState.fromSnapshot(snapshot.oauth);
    this.throttling = throttlingOption ?? snapshot.throttling;
    this.clockOffsetMs = snapshot.clockOffsetMs;
  }
}
