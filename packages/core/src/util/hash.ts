import { createHash } from 'node:crypto'

/** Hex sha256 of a string (as UTF-8) or of bytes. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

/** JSON with object keys sorted, so equal values always serialise (and hash) the same. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

/** A short stable hash of any JSON value (configuration hashes, cache keys). */
export function stableHash(value: unknown): string {
  return sha256(stableStringify(value)).slice(0, 16)
}
