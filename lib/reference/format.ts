/** QBO's AccountSubType and item types are CamelCase codes: show them as words. */
export function humanizeCode(code: string | null | undefined): string {
  if (!code) return "—";
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/);
  return words.map((word, index) => (index === 0 || /^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase())).join(" ");
}
