"use client";

import { FileText, Paperclip, Trash2, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { DocumentRecordKind } from "@/lib/documents/record-kinds";

type DocumentRow = { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: Date; uploadedByName: string | null };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Attachments of one record (bill, invoice, vendor credit, payment, received payment): upload
 * (PDF, PNG, JPEG up to 10 MB), list, download and remove. They never sync to QuickBooks.
 */
export function DocumentsPanel({
  orgSlug,
  record,
  documents,
  canEdit,
}: {
  orgSlug: string;
  record: { kind: DocumentRecordKind; id: string };
  documents: DocumentRow[];
  /** The person's role may edit the record (upload and remove); otherwise the list is read-only. */
  canEdit: boolean;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setMessage(null);
    const body = new FormData();
    body.set("file", file);
    try {
      const query = new URLSearchParams({ kind: record.kind, recordId: record.id });
      const response = await fetch(`/api/orgs/${orgSlug}/documents?${query}`, { method: "POST", body });
      const result = (await response.json().catch(() => ({}))) as { error?: string; fileName?: string };
      if (!response.ok) setMessage({ tone: "error", text: result.error ?? "The upload failed. Please try again." });
      else {
        setMessage({ tone: "success", text: `Attached ${result.fileName ?? file.name}.` });
        router.refresh();
      }
    } catch {
      setMessage({ tone: "error", text: "The upload failed. Check your connection and try again." });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function remove(document: DocumentRow) {
    if (!window.confirm(`Remove ${document.fileName}?`)) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/orgs/${orgSlug}/documents/${document.id}`, { method: "DELETE" });
      if (!response.ok) setMessage({ tone: "error", text: "The document could not be removed. Please try again." });
      else {
        setMessage({ tone: "success", text: `Removed ${document.fileName}.` });
        router.refresh();
      }
    } catch {
      setMessage({ tone: "error", text: "The document could not be removed. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="p-5">
      <div className="flex items-center justify-between gap-3">
        <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
          <Paperclip className="size-4 text-slate-400" aria-hidden /> Documents
        </h2>
        {canEdit ? (
        <label className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
          <Upload className="size-4" aria-hidden />
          {busy ? "Uploading…" : "Upload"}
          <input
            ref={input}
            type="file"
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            className="sr-only"
            aria-label="Upload a document"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-slate-500">Documents stay in Ledgerbridge — they do not sync to QuickBooks. PDF, PNG or JPEG, up to 10 MB.</p>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "mt-3 text-sm text-red-600" : "mt-3 text-sm text-emerald-700"}>
          {message.text}
        </p>
      ) : null}
      {documents.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">No documents attached.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100">
          {documents.map((document) => (
            <li key={document.id} className="flex items-center gap-3 py-2.5">
              <FileText className="size-5 shrink-0 text-slate-400" aria-hidden />
              <div className="min-w-0 flex-1">
                <a href={`/api/orgs/${orgSlug}/documents/${document.id}`} className="block truncate text-sm font-medium text-brand-700 hover:underline">
                  {document.fileName}
                </a>
                <p className="text-xs text-slate-500">
                  {formatSize(document.sizeBytes)} · {document.uploadedByName ?? "Someone"} · {formatDateTime(document.createdAt)}
                </p>
              </div>
              {canEdit ? (
                <Button
                  type="button"
                  variant="ghost"
                  className="shrink-0 px-2 py-1.5"
                  aria-label={`Remove ${document.fileName}`}
                  disabled={busy}
                  onClick={() => void remove(document)}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
