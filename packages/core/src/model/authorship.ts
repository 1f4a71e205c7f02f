/** One author's commits to a path. */
export interface AuthorCommits {
  /** The identity statistics count the person under (after .mailmap and identity merging). */
  readonly identity: string
  readonly commits: number
}

/**
 * Who wrote a file or a directory (every depth, ending in `/`), over the commits ownership counts:
 * the same identities, automation and generated-file rules as `ownership[]`, for every path.
 */
export interface PathAuthorship {
  readonly path: string
  /** Distinct counted commits touching it (for a directory: any counted file under it). */
  readonly commits: number
  /** Most commits; ties by identity asc (as in `ownership[]`). */
  readonly mainAuthor: string
  readonly mainAuthorShare: number
  /** Fewest authors, taken in `authors` order, whose commits are more than half of the path's. */
  readonly busFactor: number
  /** Most commits first, identity asc on ties. */
  readonly authors: readonly AuthorCommits[]
}
