import { describe, expect, it } from "vitest";
import { readUploadedFile } from "./read-upload";

const BOUNDARY = "----lbtest";
const CHUNK = 64 * 1024;

/** A chunked multipart body (no Content-Length) carrying one `file` of `fileBytes` bytes; counts what the reader pulls. */
function streamedUpload(fileBytes: number) {
  const encoder = new TextEncoder();
  const head = encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-`);
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk: Uint8Array;
      if (sent === 0) chunk = head;
      else if (sent - head.length < fileBytes) chunk = new Uint8Array(Math.min(CHUNK, fileBytes - (sent - head.length))).fill(0x41);
      else if (sent - head.length === fileBytes) chunk = tail;
      else return controller.close();
      sent += chunk.length;
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://127.0.0.1:3000/api/orgs/acme/bills/1/documents", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readUploadedFile", () => {
  it("stops reading a chunked body at the limit instead of buffering it whole", async () => {
    const upload = streamedUpload(40 * 1024 * 1024);
    const result = await readUploadedFile(upload.request, 1024 * 1024);
    expect(result).toEqual({ ok: false, status: 413, error: "The file is larger than 1 MB." });
    // At most the limit, the multipart framing allowance and the chunk in flight were read.
    expect(upload.pulled()).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024 + 2 * CHUNK);
  });

  it("refuses a declared Content-Length over the limit without reading anything", async () => {
    const upload = streamedUpload(1024);
    const request = new Request(upload.request, { headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "content-length": String(50 * 1024 * 1024) } });
    expect(await readUploadedFile(request, 1024 * 1024)).toMatchObject({ ok: false, status: 413 });
    expect(upload.pulled()).toBeLessThan(CHUNK); // only what the stream prefetches on its own
  });

  it("reads a file within the limit", async () => {
    const upload = streamedUpload(200 * 1024);
    const result = await readUploadedFile(upload.request, 1024 * 1024);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.file.name).toBe("big.pdf");
      expect(result.file.bytes.length).toBe(200 * 1024 + 5);
    }
  });

  it("says what is missing when the form has no file or is not multipart", async () => {
    const form = new FormData();
    form.set("other", "x");
    const noFile = new Request("http://127.0.0.1:3000/x", { method: "POST", body: form });
    expect(await readUploadedFile(noFile)).toEqual({ ok: false, status: 400, error: "Choose a file to upload." });
    const garbage = new Request("http://127.0.0.1:3000/x", { method: "POST", body: "not multipart", headers: { "content-type": "text/plain" } });
    expect(await readUploadedFile(garbage)).toMatchObject({ ok: false, status: 400 });
  });
});
