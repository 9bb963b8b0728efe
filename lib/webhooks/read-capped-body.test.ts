import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readCappedBody } from "./read-capped-body";

function streamed(text: string): Request {
  // A streamed body carries no Content-Length, like a chunked upload.
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4) controller.enqueue(bytes.slice(i, i + 4));
      controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readCappedBody", () => {
  it("returns the raw text unchanged, multi-byte characters included", async () => {
    const text = '{"name":"Café Ünïcode"}';
    expect(await readCappedBody(streamed(text), 100)).toBe(text);
  });

  it("refuses a body over the cap, declared or streamed", async () => {
    await expect(readCappedBody(new Request("http://localhost/x", { method: "POST", body: "x".repeat(20) }), 10)).rejects.toThrow(BodyTooLargeError);
    await expect(readCappedBody(streamed("y".repeat(20)), 10)).rejects.toThrow(BodyTooLargeError);
  });

  it("reads an empty body as empty text", async () => {
    expect(await readCappedBody(new Request("http://localhost/x", { method: "POST" }), 10)).toBe("");
  });
});
