/**
 * FormData → plain object for zod. Keys like `lines.0.amount` become nested arrays/objects, repeated
 * keys become arrays, files stay File objects. Prototype keys are refused so input can't pollute.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const path = key.split(".");
    if (path.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const index = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        const prev = container[index];
        container[index] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      container[index] ??= nextIsIndex ? [] : {};
      node = container[index] as Record<string, unknown> | unknown[];
    });
  }
  return compactArrays(out) as Record<string, unknown>;
}

/** Sparse arrays (a removed line leaves a hole) become dense. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}
