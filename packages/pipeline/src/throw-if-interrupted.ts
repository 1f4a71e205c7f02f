import { setImmediate } from 'node:timers/promises'

/**
 * Throws when the run was interrupted, after letting a pending SIGINT reach its handler: work that
 * holds the event loop (building the knowledge index, SQLite writes) delays the handler, and a check
 * made without yielding would miss a Ctrl-C the user pressed meanwhile.
 */
export async function throwIfInterrupted(signal: AbortSignal): Promise<void> {
  await setImmediate()
  signal.throwIfAborted()
}
