import type { BatchItem, BatchItemResult, CdcResult, ObjectVersion, QboClient, QboEntity, QboEntityName } from "@/lib/qbo";

const PAGE_SIZE = 1000;
const BATCH_SIZE = 30;

/**
 * The QBO client as the engine uses it, counting the HTTP requests each call makes so the run can
 * report its API usage (query pages of 1,000, batches of 30, one per other call).
 */
export class QboGateway {
  calls = 0;

  constructor(
    readonly client: QboClient,
    readonly realmId: string,
  ) {}

  async queryAll<E extends QboEntityName>(entity: E, where?: string): Promise<QboEntity<E>[]> {
    const rows = await this.client.query(entity, where);
    this.calls += Math.floor(rows.length / PAGE_SIZE) + 1;
    return rows;
  }

  /** Every row of several entities, pages carried by batch requests; each entity settles on its own (see QboClient.queryAllMany). */
  queryAllMany<E extends QboEntityName>(specs: ReadonlyArray<{ entity: E; where?: string }>): Map<E, Promise<QboEntity<E>[]>> {
    // Ten pages (10,000 rows) to a batch: large lists come in a few responses that arrive one after another.
    return this.client.queryAllMany(specs, { pagesPerBatch: 10, onRequest: () => (this.calls += 1) });
  }

  /** Query statements answered together (batch requests of 30), e.g. looking records up by number. */
  queryEach(texts: readonly string[]): Promise<Array<Record<string, unknown>>> {
    return this.client.queryEach(texts, { onRequest: () => (this.calls += 1) });
  }

  async cdc(entities: readonly QboEntityName[], changedSince: Date): Promise<CdcResult> {
    this.calls += 1;
    return this.client.cdc(entities, changedSince);
  }

  async batch(items: readonly BatchItem[], requestId: string): Promise<BatchItemResult[]> {
    this.calls += Math.ceil(items.length / BATCH_SIZE);
    return this.client.batch(items, { requestId });
  }

  async read<E extends QboEntityName>(entity: E, id: string): Promise<QboEntity<E>> {
    this.calls += 1;
    return this.client.read(entity, id);
  }

  async void<E extends QboEntityName>(entity: E, version: ObjectVersion, requestId: string): Promise<QboEntity<E>> {
    this.calls += 1;
    return this.client.void(entity, version, { requestId });
  }

  async companyInfo() {
    this.calls += 1;
    return this.client.companyInfo();
  }

  async preferences() {
    this.calls += 1;
    return this.client.preferences();
  }
}

export const QBO_BATCH_SIZE = BATCH_SIZE;
