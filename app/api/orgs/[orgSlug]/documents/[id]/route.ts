import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { deleteDocument, getDocument } from "@/lib/documents/document-repository";
import { recordId } from "@/lib/forms/record-id";

/** Download a document of this organisation; anyone else's id is simply not found. */
export const GET = orgRoute({}, async (_request, ctx, params) => {
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
export const DELETE = orgRoute({}, async (_request, ctx, params) => {
  const id = recordId().safeParse(params.id);
  const deleted = id.success && (await deleteDocument(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, id.data));
  if (!deleted) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return new Response(null, { status: 204 });
});
