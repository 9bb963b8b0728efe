import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { canDo, refusalMessage } from "@/lib/auth/permissions";
import { deleteDocument, DocumentEditRefused, getDocument } from "@/lib/documents/document-repository";
import { DOCUMENT_EDIT_PERMISSION } from "@/lib/documents/record-kinds";
import { recordId } from "@/lib/forms/record-id";

/** Download a document of this organisation; anyone else's id is simply not found. */
export const GET = orgRoute({ permission: "data.read" }, async (_request, ctx, params) => {
  const id = recordId().safeParse(params.id);
  const document = id.success ? await getDocument(ctx.db, ctx.org.organizationId, id.data) : null;
  if (!document) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const asciiName = document.fileName.replace(/[^\x20-\x7e]/g, "_");
  return new Response(new Uint8Array(document.content), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.content.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});

/** Remove a document of this organisation (audited on its record); anyone else's id is not found. */
export const DELETE = orgRoute({ permission: "data.read" }, async (_request, ctx, params) => {
  const id = recordId().safeParse(params.id);
  let deleted = false;
  try {
    deleted = id.success && (await deleteDocument(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, id.data, (kind) => canDo(ctx, DOCUMENT_EDIT_PERMISSION[kind])));
  } catch (error) {
    if (error instanceof DocumentEditRefused) return NextResponse.json({ error: refusalMessage(DOCUMENT_EDIT_PERMISSION[error.kind]) }, { status: 403 });
    throw error;
  }
  if (!deleted) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return new Response(null, { status: 204 });
});
