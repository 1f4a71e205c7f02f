const tails = new Map<string, Promise<void>>()

/**
 * Runs `task` once every earlier task with the same key in this process has settled; `onWait` is called
 * when it has to wait.
 *
 * better-sqlite3 waits for a busy database synchronously, so two connections to one file in the same
 * process would block the event loop that the lock holder needs to finish: they must queue here instead.
 */
export async function withWriteLock<T>(key: string, task: () => Promise<T>, onWait?: () => void): Promise<T> {
  const previous = tails.get(key)
  if (previous !== undefined) onWait?.()
  let release = (): void => {}
  const current = new Promise<void>((resolve) => {
    release = resolve
  })
  const tail = (previous ?? Promise.resolve()).then(() => current)
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
