import { NextResponse } from "next/server";
import { z } from "zod";
import { formDataToObject, FormShapeError } from "@/lib/forms/form-data";
import { bulkIdsField } from "./bulk";

const exportSchema = z.object({ ids: bulkIdsField() });

/** The ids an "Export selected" form posts, or the 400 answer for a forged or empty selection. */
export async function selectedIds(request: Request): Promise<{ ok: true; ids: string[] } | { ok: false; response: Response }> {
  const invalid = () => ({ ok: false as const, response: NextResponse.json({ error: "invalid_selection" }, { status: 400 }) });
  let raw: Record<string, unknown>;
  try {
    raw = formDataToObject(await request.formData());
  } catch (error) {
    if (error instanceof FormShapeError || error instanceof TypeError) return invalid();
    throw error;
  }
  const parsed = exportSchema.safeParse({ ids: raw.ids });
  return parsed.success ? { ok: true, ids: parsed.data.ids } : invalid();
}
