import { NextResponse } from "next/server";
import type { OrgContext } from "@/lib/auth/guard";
import { canDo, refusalMessage } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/forms/action-result";
import { recordId } from "@/lib/forms/record-id";
import { attachDocument } from "./document-repository";
import { readUploadedFile } from "./read-upload";
import { DOCUMENT_EDIT_PERMISSION, type DocumentRecordKind, recordMissingMessage } from "./record-kinds";

/**
 * The one upload handler behind every documents route: a record of another organisation (or a bad
 * id) is 404, a file over the cap 413, a refused type 400, a stored one 201.
 */
export async function uploadDocumentResponse(request: Request, ctx: OrgContext, kind: DocumentRecordKind, rawId: unknown): Promise<Response> {
  const permission = DOCUMENT_EDIT_PERMISSION[kind];
  if (!canDo(ctx, permission)) return NextResponse.json({ error: refusalMessage(permission) }, { status: 403 });
  const missing = recordMissingMessage(kind);
  const id = recordId().safeParse(rawId);
  if (!id.success) return NextResponse.json({ error: missing }, { status: 404 });
  const upload = await readUploadedFile(request);
  if (!upload.ok) return NextResponse.json({ error: upload.error }, { status: upload.status });
  try {
    const saved = await attachDocument(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, { kind, id: id.data }, upload.file);
    return NextResponse.json(saved, { status: 201 });
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.message }, { status: error.message === missing ? 404 : 400 });
    throw error;
  }
}
