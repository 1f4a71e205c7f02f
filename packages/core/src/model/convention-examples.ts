/** The newest commit of a window following each commit-message convention (full shas), to cite as an example. */
export interface ConventionExamples {
  /** A Conventional Commits subject (`type(scope): summary`). */
  readonly conventional?: string
  /** A subject ending in the pull-request number, `(#123)`. */
  readonly prNumberSuffix?: string
  /** A message with a `Co-authored-by:` line. */
  readonly coAuthored?: string
  /** The newest non-merge commit. */
  readonly latest?: string
}
