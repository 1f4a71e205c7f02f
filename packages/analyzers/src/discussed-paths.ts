import type { DiscussedPath, ReviewComment } from '@gitlore/core'
import { compareText } from './compare-text.js'

function rank(tallies: Map<string, { comments: number; threads: number }>): DiscussedPath[] {
  return [...tallies]
    .map(([path, tally]) => ({ path, comments: tally.comments, threads: tally.threads }))
    .sort((x, y) => y.comments - x.comments || y.threads - x.threads || compareText(x.path, y.path))
}

/** The directory a file sits in, ending in `/`; `./` for a file at the root. */
export function parentDirectory(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? './' : path.slice(0, slash + 1)
}

/**
 * Files and directories (a file's own directory) by review-thread comments on them (replies
 * included), then threads, then path.
 */
export function computeDiscussedPaths(comments: readonly ReviewComment[]): {
  readonly files: DiscussedPath[]
  readonly directories: DiscussedPath[]
} {
  const files = new Map<string, { comments: number; threads: number }>()
  const directories = new Map<string, { comments: number; threads: number }>()
  const add = (tallies: typeof files, path: string, count: number) => {
    const tally = tallies.get(path) ?? { comments: 0, threads: 0 }
    tally.comments += count
    tally.threads += 1
    tallies.set(path, tally)
  }
  for (const comment of comments) {
    if (comment.kind !== 'review_thread' || comment.path === undefined) continue
    const count = 1 + comment.replies.length
    add(files, comment.path, count)
    add(directories, parentDirectory(comment.path), count)
  }
  return { files: rank(files), directories: rank(directories) }
}
