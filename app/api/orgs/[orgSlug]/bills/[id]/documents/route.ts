import { NextResponse } from "next/server";
import { z } from "zod";
import { orgRoute } from "@/lib/auth/guard";
import { attachBillDocument } from "@/lib/documents/document-repository";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/sniff";
import { UserFacingError } from "@/lib/forms/action-result";

/** Upload a document to a bill (multipart field `file`). Type is decided by the file's bytes. */
export const POST = orgRoute({}, async (request, ctx, params) => {
  const billId = z.uuid().safeParse(params.id);
  if (!billId.success) return NextResponse.json({ error: "This bill no longer exists." }, { status: 404 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  // Multipart framing adds a little; refuse clearly oversized bodies before reading them.
  if (declared > MAX_DOCUMENT_BYTES + 64 * 1024) return NextResponse.json({ error: "The file is larger than 10 MB." }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return NextResponse.json({ error: "Choose a file to upload." }, { status: 400 });
  if (file.size > MAX_DOCUMENT_BYTES) return NextResponse.json({ error: "The file is larger than 10 MB." }, { status: 413 });
  try {
    const saved = await attachBillDocument(
      ctx.db,
      { organizationId: ctx.org.organizationId, userId: ctx.user.id },
      billId.data,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    );
    return NextResponse.json(saved, { status: 201 });
  } catch (error) {
    if (error instanceof UserFacingError) {
      const status = error.message === "This bill no longer exists." ? 404 : 400;
      return NextResponse.json({ error: error.message }, { status });
    }
    throw error;
  }
});
