import type { Commit } from '@gitlore/core'
import { isMerge } from '@gitlore/core'

// Files that cannot change a build's outcome.
const documentation = /(^|\/)(docs?\/|LICEN[CS]E|CHANGELOG|AUTHORS)|\.(md|mdx|rst|txt|adoc)$/i

/** Commits by sha, with their position in `git log` order, to answer range questions between run heads. */
export class CommitIndex {
  readonly #bySha = new Map<string, { commit: Commit; index: number }>()
  readonly #commits: readonly Commit[]

  constructor(commits: readonly Commit[]) {
    this.#commits = commits
    commits.forEach((commit, index) => {
      this.#bySha.set(commit.sha, { commit, index })
    })
  }

  get(sha: string): Commit | undefined {
    return this.#bySha.get(sha)?.commit
  }

  /**
   * The commits `git log` lists after `from` up to and including `to` (newest first), i.e. `from..to`
   * on a linear history; null when either is not in the history or `to` is not newer.
   */
  between(from: string, to: string): Commit[] | null {
    const older = this.#bySha.get(from)
    const newer = this.#bySha.get(to)
    if (older === undefined || newer === undefined || newer.index >= older.index) return null
    return this.#commits.slice(newer.index, older.index) as Commit[]
  }

  /**
   * True when nothing between the two run heads could change the outcome: the same commit, or only
   * commits that touch documentation (merges carry no files and count as such).
   */
  noRelevantChange(from: string, to: string): boolean {
    if (from === to) return true
    const range = this.between(from, to)
    return (
      range?.every((commit) => isMerge(commit) || commit.files.every((file) => documentation.test(file.path))) === true
    )
  }
}
