import { NextResponse } from "next/server";
import { orgRoute } from "@/lib/auth/guard";
import { attachBillDocument } from "@/lib/documents/document-repository";
import { readUploadedFile } from "@/lib/documents/read-upload";
import { UserFacingError } from "@/lib/forms/action-result";
import { recordId } from "@/lib/forms/record-id";

/** Upload a document to a bill (multipart field `file`). Type is decided by the file's bytes. */
export const POST = orgRoute({ permission: "bill.edit" }, async (request, ctx, params) => {
  const billId = recordId().safeParse(params.id);
  if (!billId.success) return NextResponse.json({ error: "This bill no longer exists." }, { status: 404 });
  const upload = await readUploadedFile(request);
  if (!upload.ok) return NextResponse.json({ error: upload.error }, { status: upload.status });
  try {
    const saved = await attachBillDocument(
      ctx.db,
      { organizationId: ctx.org.organizationId, userId: ctx.user.id },
      billId.data,
      upload.file,
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
