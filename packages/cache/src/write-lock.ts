const tails = new Map<string, Promise<void>>()

/**
 * Runs `task` once every earlier task with the same key in this process has settled.
 *
 * better-sqlite3 waits for a busy database synchronously, so two connections to one file in the same
 * process would block the event loop that the lock holder needs to finish: they must queue here instead.
 */
export async function withWriteLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve()
  let release = (): void => {}
  const current = new Promise<void>((resolve) => {
    release = resolve
  })
  const tail = previous.then(() => current)
  tails.set(key, tail)
  await previous
  try {
    return await task()
  } finally {
    release()
    if (tails.get(key) === tail) {
      tails.delete(key)
    }
  }
}
