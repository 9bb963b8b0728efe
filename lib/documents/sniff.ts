/**
 * Which file types a bill may carry, decided by the file's first bytes (its "magic number"), never by
 * its name or the browser's claimed type: a renamed executable must not be stored as a PDF.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentType = { contentType: "application/pdf" | "image/png" | "image/jpeg"; extension: "pdf" | "png" | "jpg" };

const SIGNATURES: { bytes: number[]; type: DocumentType }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: "application/pdf", extension: "pdf" } }, // "%PDF-"
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { contentType: "image/png", extension: "png" } },
  { bytes: [0xff, 0xd8, 0xff], type: { contentType: "image/jpeg", extension: "jpg" } },
];

export function sniffDocumentType(head: Uint8Array): DocumentType | null {
  for (const signature of SIGNATURES) {
    if (head.length >= signature.bytes.length && signature.bytes.every((byte, index) => head[index] === byte)) {
      return signature.type;
    }
  }
  return null;
}

export type DocumentCheck = { ok: true; type: DocumentType } | { ok: false; error: string };

/** Size and type rules for an upload, with a message a person can act on. */
export function checkDocument(bytes: Uint8Array): DocumentCheck {
  if (bytes.length === 0) return { ok: false, error: "The file is empty." };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, error: "The file is larger than 10 MB." };
  const type = sniffDocumentType(bytes.subarray(0, 16));
  if (!type) return { ok: false, error: "Only PDF, PNG and JPEG files can be attached." };
  return { ok: true, type };
}

/**
 * A file name safe to store and to echo in a Content-Disposition header: path parts, control and
 * quote characters removed, length capped, and the extension matching the real type.
 */
export function safeFileName(name: string, type: DocumentType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .slice(0, 120);
  return `${base || "document"}.${type.extension}`;
}
