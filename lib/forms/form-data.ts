import { UserFacingError } from "./action-result";

/** Rows a form may post (`lines.N.…`, `payments.N.…`): far above any real form, small enough to be cheap. */
export const MAX_FORM_ROWS = 500;
/** Dotted segments per key (`lines.0.amount` is 3). */
export const MAX_KEY_DEPTH = 4;

/**
 * A field the app's forms never produce (a huge or odd row index, a too-deep key) or a value no
 * field can hold (a NUL character): nothing is saved.
 */
export class FormShapeError extends UserFacingError {
  constructor(key: string, problem: string) {
    super("Please correct the highlighted fields.", { [key]: [problem] });
    this.name = "FormShapeError";
  }
}

/** Rows while the form is read: index → value, turned into a dense array (in index order) at the end. */
class Rows {
  readonly byIndex = new Map<number, unknown>();
}
type Node = Record<string, unknown> | Rows;

export const NUL_MESSAGE = "This field contains an invalid character (NUL). Remove it and try again.";

const CANONICAL_INDEX = /^(0|[1-9]\d*)$/;
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * FormData → plain object for zod. Keys like `lines.0.amount` become nested arrays/objects, repeated
 * keys become arrays, files stay File objects. Prototype keys are refused so input can't pollute.
 * Row indexes are capped and rows are built densely, so a key like `name.1000000000` costs nothing:
 * it is a field error (FormShapeError), as are keys nested deeper than any form of the app.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const path = key.split(".", MAX_KEY_DEPTH + 1);
    if (path.some((part) => FORBIDDEN_SEGMENTS.has(part))) continue;
    if (path.length > MAX_KEY_DEPTH) throw new FormShapeError(key, "This field is not part of the form.");
    // PostgreSQL cannot store a NUL character in text: refuse it here, once for every form.
    if (typeof value === "string" && value.includes("\u0000")) throw new FormShapeError(key, NUL_MESSAGE);
    if (typeof value !== "string" && value.name.includes("\u0000")) throw new FormShapeError(key, "The file name contains an invalid character (NUL).");
    let node: Node = out;
    path.forEach((part, i) => {
      const slot = slotOf(node, part, key);
      const last = i === path.length - 1;
      if (last) {
        const prev = read(node, slot);
        write(node, slot, prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]);
        return;
      }
      let next = read(node, slot);
      if (next === undefined) {
        next = CANONICAL_INDEX.test(path[i + 1]!) ? new Rows() : (Object.create(null) as Record<string, unknown>);
        write(node, slot, next);
      }
      if (!(next instanceof Rows) && !isPlainRecord(next)) throw new FormShapeError(key, "This field is not part of the form.");
      node = next;
    });
  }
  return finish(out) as Record<string, unknown>;
}

/** The key of `part` inside `node`: a capped row index for rows, a name for objects. */
function slotOf(node: Node, part: string, key: string): string | number {
  if (!(node instanceof Rows)) {
    if (/^\d+$/.test(part)) throw new FormShapeError(key, "This field is not part of the form.");
    return part;
  }
  if (!CANONICAL_INDEX.test(part)) throw new FormShapeError(key, "This field is not part of the form.");
  const index = part.length > 4 ? Infinity : Number(part);
  if (index >= MAX_FORM_ROWS) throw new FormShapeError(key, `A form has at most ${MAX_FORM_ROWS} rows.`);
  return index;
}

function read(node: Node, slot: string | number): unknown {
  return node instanceof Rows ? node.byIndex.get(slot as number) : node[slot as string];
}

function write(node: Node, slot: string | number, value: unknown): void {
  if (node instanceof Rows) node.byIndex.set(slot as number, value);
  else node[slot as string] = value;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Blob) && !(value instanceof Rows);
}

/** Rows become dense arrays in index order (a removed line leaves a hole, which simply closes). */
function finish(value: unknown): unknown {
  if (value instanceof Rows) {
    return [...value.byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => finish(row));
  }
  if (isPlainRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finish(v)]));
  return value;
}
