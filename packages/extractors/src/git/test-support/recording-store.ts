import type { CommitStore, RawCommit } from '@gitlore/core'

/** An in-memory `CommitStore` that records every call, for tests. */
export class RecordingStore implements CommitStore {
  readonly commits = new Map<string, RawCommit>()
  readonly gets: string[][] = []
  readonly puts: string[][] = []

  async getCommits(shas: readonly string[]): Promise<ReadonlyMap<string, RawCommit>> {
    this.gets.push([...shas])
    const found = new Map<string, RawCommit>()
    for (const sha of shas) {
      const commit = this.commits.get(sha)
      if (commit !== undefined) found.set(sha, commit)
    }
    return found
  }

  async putCommits(commits: readonly RawCommit[]): Promise<void> {
    this.puts.push(commits.map((commit) => commit.sha))
    for (const commit of commits) this.commits.set(commit.sha, commit)
  }

  /** Shas stored since the store was created. */
  get stored(): string[] {
    return this.puts.flat()
  }
}
