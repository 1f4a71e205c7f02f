import type { CommitSummary } from './git-backend.js'

interface Queued {
  readonly sha: string
  readonly time: number
  readonly serial: number
}

/** Newer committer date first; at equal dates, the commit queued first (git inserts after equals). */
function before(a: Queued, b: Queued): boolean {
  return a.time !== b.time ? a.time > b.time : a.serial < b.serial
}

/**
 * The order `git log` shows commits in by default: starting from HEAD, it repeatedly takes the
 * queued commit with the newest committer date and queues its unseen parents in order, a parent
 * going after queued commits of the same date. Replaying that walk over the listed commits gives
 * both backends git's exact order, ties and clock skew included.
 */
export function gitLogOrder(head: string, commits: readonly CommitSummary[]): string[] {
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]))
  const heap: Queued[] = []
  const seen = new Set<string>()
  let serial = 0
  const push = (sha: string): void => {
    const commit = bySha.get(sha)
    if (commit === undefined || seen.has(sha)) return
    seen.add(sha)
    heap.push({ sha, time: commit.committerTime, serial: serial++ })
    for (let index = heap.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1
      if (!before(heap[index] as Queued, heap[parent] as Queued)) break
      ;[heap[index], heap[parent]] = [heap[parent] as Queued, heap[index] as Queued]
      index = parent
    }
  }
  const pop = (): Queued | undefined => {
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    heap[0] = last
    for (let index = 0; ; ) {
      const left = 2 * index + 1
      const right = left + 1
      let best = index
      if (left < heap.length && before(heap[left] as Queued, heap[best] as Queued)) best = left
      if (right < heap.length && before(heap[right] as Queued, heap[best] as Queued)) best = right
      if (best === index) break
      ;[heap[index], heap[best]] = [heap[best] as Queued, heap[index] as Queued]
      index = best
    }
    return top
  }
  const order: string[] = []
  push(head)
  for (let next = pop(); next !== undefined; next = pop()) {
    order.push(next.sha)
    for (const parent of (bySha.get(next.sha) as CommitSummary).parents) push(parent)
  }
  return order
}
