import { createHash } from 'node:crypto'

/**
 * The 64-bit key of PostgreSQL's advisory lock for a lock name, as a decimal string (a signed bigint).
 * Names are prefixed so gitlore's locks do not collide with another application's on the same server.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`gitlore:${name}`).digest().readBigInt64BE(0).toString()
}
