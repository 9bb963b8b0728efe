import type { BatchItem, BatchItemResult, ObjectVersion, QboEntity, QboEntityName } from "@/lib/qbo";
import { QboGateway } from "@/lib/sync/engine/gateway";

const PREVIEW_ID_PREFIX = "preview-";

/**
 * The engine's QBO gateway for a preview: reads (queries, CDC, company info) go to QuickBooks as
 * usual; writes are never sent. Each write is answered in memory with what QuickBooks would hold
 * afterwards — the body sent, a new Id for a create, the next SyncToken — so the rest of the run
 * plans on top of it exactly as a real run would (a bill created after its new vendor refers to it).
 */
export class PreviewGateway extends QboGateway {
  private nextId = 1;
  private readonly written = new Map<string, Record<string, unknown>>();

  override async batch(items: readonly BatchItem[], requestId: string): Promise<BatchItemResult[]> {
    if (items.every((item) => "query" in item)) return super.batch(items, requestId);
    return items.map((item): BatchItemResult => {
      if ("query" in item) throw new Error("A preview does not mix queries into a batch of writes");
      if (item.operation === "delete") {
        return { ok: true, kind: "deleted", entity: item.entity, value: { Id: String(item.body["Id"]), status: "Deleted" } as never };
      }
      return { ok: true, kind: "entity", entity: item.entity, value: this.answer(item.entity, item.body) as never };
    });
  }

  override async void<E extends QboEntityName>(entity: E, version: ObjectVersion): Promise<QboEntity<E>> {
    return this.answer(entity, { ...version }) as unknown as QboEntity<E>;
  }

  /** A record this preview "created" is read from memory (QuickBooks has never heard of it). */
  override async read<E extends QboEntityName>(entity: E, id: string): Promise<QboEntity<E>> {
    const held = this.written.get(`${entity}:${id}`);
    if (held) return held as unknown as QboEntity<E>;
    return super.read(entity, id);
  }

  private answer(entity: QboEntityName, body: Record<string, unknown>): Record<string, unknown> {
    const id = typeof body["Id"] === "string" ? body["Id"] : `${PREVIEW_ID_PREFIX}${this.nextId++}`;
    const token = typeof body["SyncToken"] === "string" ? String(Number(body["SyncToken"]) + 1) : "0";
    const held = this.written.get(`${entity}:${id}`) ?? {};
    const value = { ...held, ...body, Id: id, SyncToken: token, MetaData: { CreateTime: new Date().toISOString(), LastUpdatedTime: new Date().toISOString() } };
    this.written.set(`${entity}:${id}`, value);
    return value;
  }
}
