import { randomBytes } from 'node:crypto'

/** A run id, sortable and unique enough: the start time to the second plus random hex (`20250102T030405-a1b2c3`). */
export function runId(started: number): string {
  const stamp = new Date(started)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
  return `${stamp}-${randomBytes(3).toString('hex')}`
}
