import { MAX_DOCUMENT_BYTES } from "./sniff";

export type UploadedFile = { name: string; bytes: Uint8Array };
export type UploadRead = { ok: true; file: UploadedFile } | { ok: false; status: 400 | 413; error: string };

const TOO_LARGE = "The file is larger than 10 MB.";

/** The `file` field of a multipart upload. */
export async function readUploadedFile(request: Request, maxBytes = MAX_DOCUMENT_BYTES): Promise<UploadRead> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  // Multipart framing adds a little; refuse clearly oversized bodies before reading them.
  if (declared > maxBytes + 64 * 1024) return { ok: false, status: 413, error: TOO_LARGE };
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return { ok: false, status: 400, error: "Choose a file to upload." };
  if (file.size > maxBytes) return { ok: false, status: 413, error: TOO_LARGE };
  return { ok: true, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
