/**
 * Orders strings by UTF-16 code units (plain `<`), not `localeCompare`, so the order is the same
 * on every machine and locale, and any other implementation can reproduce it.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
