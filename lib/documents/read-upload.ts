import { MAX_DOCUMENT_BYTES } from "./sniff";

export type UploadedFile = { name: string; bytes: Uint8Array };
export type UploadRead = { ok: true; file: UploadedFile } | { ok: false; status: 400 | 413; error: string };

/** What multipart framing (boundaries, part headers) may add to the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number): UploadRead => ({
  ok: false,
  status: 413,
  error: `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`,
});

/**
 * The `file` field of a multipart upload, read with a cap: the body is streamed through a counter
 * that stops reading (and cancels the upload) as soon as it passes the limit, so a huge or chunked
 * body — whose Content-Length may be absent or lie — never costs more than the limit in memory.
 */
export async function readUploadedFile(request: Request, maxBytes = MAX_DOCUMENT_BYTES): Promise<UploadRead> {
  const cap = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > cap) return tooLarge(maxBytes);
  if (!request.body) return { ok: false, status: 400, error: "Choose a file to upload." };

  let received = 0;
  let exceeded = false;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > cap) {
          exceeded = true;
          // Erroring the stream cancels the source: nothing more is read from the connection.
          controller.error(new Error("upload exceeds the limit"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, { method: "POST", headers: request.headers, body: capped, duplex: "half" } as RequestInit);
  const form = await limited.formData().catch(() => null);
  if (exceeded) return tooLarge(maxBytes);
  const file = form?.get("file");
  if (!(file instanceof File)) return { ok: false, status: 400, error: "Choose a file to upload." };
  if (file.size > maxBytes) return tooLarge(maxBytes);
  return { ok: true, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
