import type { ClassifiedComment, CommentCategory, PullRequest, ReviewCluster } from '@gitlore/core'

/** The review data of a run, as a synthesizer receives it (every field optional: git-only runs have none). */
export interface ReviewData {
  readonly clusters?: readonly ReviewCluster[] | undefined
  readonly classified?: readonly ClassifiedComment[] | undefined
  readonly pullRequests?: readonly PullRequest[] | undefined
  /** Ids of notable one-off comments (clustering's high-confidence noise); derived when absent. */
  readonly notableCommentIds?: readonly string[] | undefined
}

/** Categories that never make a comment notable on their own. */
const minorCategories: ReadonlySet<CommentCategory> = new Set(['nitpick', 'praise', 'question'])

/** Lookups over the review data shared by the analysis XML, the tools, the citation check and the offline rules. */
export class ReviewIndex {
  readonly clusters: readonly ReviewCluster[]
  readonly classified: readonly ClassifiedComment[]
  readonly pullRequests: readonly PullRequest[]
  readonly #byId = new Map<string, ClassifiedComment>()
  readonly #clusterOf = new Map<string, ReviewCluster>()
  readonly #pullRequests = new Map<number, PullRequest>()
  readonly #prNumbers = new Set<number>()
  readonly #notableIds: readonly string[] | undefined

  constructor(data: ReviewData) {
    this.clusters = data.clusters ?? []
    this.classified = data.classified ?? []
    this.pullRequests = data.pullRequests ?? []
    this.#notableIds = data.notableCommentIds
    for (const entry of this.classified) {
      this.#byId.set(entry.comment.id, entry)
      this.#prNumbers.add(entry.comment.prNumber)
    }
    for (const cluster of this.clusters) {
      for (const id of cluster.members) this.#clusterOf.set(id, cluster)
      for (const number of cluster.prNumbers) this.#prNumbers.add(number)
    }
    for (const pullRequest of this.pullRequests) {
      this.#pullRequests.set(pullRequest.number, pullRequest)
      this.#prNumbers.add(pullRequest.number)
    }
  }

  /** True when there is any review data at all. */
  get isEmpty(): boolean {
    return this.classified.length === 0 && this.clusters.length === 0 && this.pullRequests.length === 0
  }

  comment(id: string): ClassifiedComment | undefined {
    return this.#byId.get(id)
  }

  clusterOf(commentId: string): ReviewCluster | undefined {
    return this.#clusterOf.get(commentId)
  }

  pullRequest(number: number): PullRequest | undefined {
    return this.#pullRequests.get(number)
  }

  /** True when the review data mentions pull request `number`. */
  knowsPullRequest(number: number): boolean {
    return this.#prNumbers.has(number)
  }

  /** The pull request's URL: from the pull requests, else derived from one of its comments' URLs. */
  pullRequestUrl(number: number): string | undefined {
    const known = this.#pullRequests.get(number)?.url
    if (known !== undefined) return known
    for (const entry of this.classified) {
      if (entry.comment.prNumber !== number) continue
      const match = /^(.*\/pull\/\d+)/.exec(entry.comment.url)
      if (match?.[1] !== undefined) return match[1]
    }
    return undefined
  }

  /** URL prefixes (`https://github.com/owner/repo/pull/`) of this repository's pull requests. */
  pullRequestBases(): ReadonlySet<string> {
    const bases = new Set<string>()
    const urls = [...this.pullRequests.map((pr) => pr.url), ...this.classified.map((entry) => entry.comment.url)]
    for (const url of urls) {
      const match = /^(.*\/pull\/)\d+/.exec(url)
      if (match?.[1] !== undefined) bases.add(match[1])
    }
    return bases
  }

  /**
   * One-off comments worth reading: the given ids, or else classified comments in no cluster with
   * confidence 0.7+ whose categories are not only nitpick, praise or question.
   */
  notableComments(): readonly ClassifiedComment[] {
    if (this.#notableIds !== undefined) {
      return this.#notableIds.flatMap((id) => {
        const entry = this.#byId.get(id)
        return entry === undefined ? [] : [entry]
      })
    }
    return this.classified.filter(
      (entry) =>
        entry.status === 'classified' &&
        !this.#clusterOf.has(entry.comment.id) &&
        entry.confidence >= 0.7 &&
        entry.categories.some((category) => !minorCategories.has(category)),
    )
  }
}

/** The categories of a classified comment; none for a failed classification. */
export function categoriesOf(entry: ClassifiedComment): readonly CommentCategory[] {
  return entry.status === 'classified' ? entry.categories : []
}
