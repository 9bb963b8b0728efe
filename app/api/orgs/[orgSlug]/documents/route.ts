import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { documentRecordKindSchema } from "@/lib/documents/record-kinds";
import { uploadDocumentResponse } from "@/lib/documents/upload-route";

/**
 * Upload a document to any record: `POST ?kind=invoice&recordId=<id>` with multipart field `file`.
 * The record must belong to the organisation; the type is decided by the file's bytes.
 */
// Every member who may read passes the gate; the upload then needs the edit permission of its kind.
export const POST = orgRoute({ permission: "data.read" }, async (request, ctx) => {
  const query = new URL(request.url).searchParams;
  const kind = documentRecordKindSchema.safeParse(query.get("kind"));
  if (!kind.success) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return uploadDocumentResponse(request, ctx, kind.data, query.get("recordId"));
});
