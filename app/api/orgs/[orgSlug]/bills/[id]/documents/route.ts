import { orgRoute } from "@/lib/auth/guard";
import { uploadDocumentResponse } from "@/lib/documents/upload-route";

/** Upload a document to a bill (multipart field `file`). Type is decided by the file's bytes. */
export const POST = orgRoute({ permission: "bill.edit" }, async (request, ctx, params) => uploadDocumentResponse(request, ctx, "bill", params.id));
