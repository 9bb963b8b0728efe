import { describe, expect, it } from "vitest";
import { checkDocument, MAX_DOCUMENT_BYTES, safeFileName, sniffDocumentType } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const pdf = new TextEncoder().encode("%PDF-1.7\n...");
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);

describe("document type sniffing", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(sniffDocumentType(pdf)?.contentType).toBe("application/pdf");
    expect(sniffDocumentType(png)?.contentType).toBe("image/png");
    expect(sniffDocumentType(jpeg)?.contentType).toBe("image/jpeg");
  });

  it("refuses other content whatever the name says", () => {
    expect(sniffDocumentType(new TextEncoder().encode("MZ\x90\x00 executable"))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode("<html>%PDF-"))).toBeNull();
    expect(sniffDocumentType(bytes(0x89, 0x50))).toBeNull();
  });

  it("checks emptiness and the 10 MB limit", () => {
    expect(checkDocument(new Uint8Array())).toEqual({ ok: false, error: "The file is empty." });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf);
    expect(checkDocument(big)).toEqual({ ok: false, error: "The file is larger than 10 MB." });
    const limit = new Uint8Array(MAX_DOCUMENT_BYTES);
    limit.set(pdf);
    expect(checkDocument(limit).ok).toBe(true);
    expect(checkDocument(new TextEncoder().encode("hello"))).toEqual({ ok: false, error: "Only PDF, PNG and JPEG files can be attached." });
  });

  it("makes file names safe and matches the extension to the real type", () => {
    const type = { contentType: "application/pdf", extension: "pdf" } as const;
    expect(safeFileName("../../etc/invoice 42.PDF", type)).toBe("invoice 42.pdf");
    expect(safeFileName('scan"\r\n.exe', type)).toBe("scan.pdf");
    expect(safeFileName("", type)).toBe("document.pdf");
    expect(safeFileName("C:\\Users\\me\\receipt.png", { contentType: "image/png", extension: "png" })).toBe("receipt.png");
  });
});
