import type { Conventions } from '@gitlore/core'
import { commitMessage } from './commit-message.js'
import { compareText } from './compare-text.js'
import type { PreparedCommit } from './prepare-commits.js'
import { share } from './round-ratio.js'

/** A conventional-commit subject; group 1 is the type. */
export const conventionalSubjectPattern =
  /^(feat|fix|chore|docs|refactor|test|perf|ci|build|style|revert)(\([^)]*\))?!?:/i
/** A subject ending in a pull-request number such as `(#123)`. */
export const prNumberSuffixPattern = /\(#\d+\)\s*$/
/** A `Co-authored-by:` trailer line, any case, at the very start of a line. */
const coAuthoredLinePattern = /^co-authored-by:/i

/**
 * Subject habits over the commits: shares rounded to 4 decimals, `prefixes` keyed by lower-cased
 * conventional type (keys in alphabetical order), the median subject length in code points (the
 * mean of the two middle lengths for an even count, unrounded). An empty history gives zeros.
 */
export function computeConventions(commits: readonly PreparedCommit[]): Conventions {
  const prefixCounts = new Map<string, number>()
  let conventional = 0
  let prNumberSuffix = 0
  let coAuthored = 0
  const lengths: number[] = []
  for (const { commit } of commits) {
    const subject = commit.subject
    const type = conventionalSubjectPattern.exec(subject)?.[1]?.toLowerCase()
    if (type !== undefined) {
      conventional++
      prefixCounts.set(type, (prefixCounts.get(type) ?? 0) + 1)
    }
    if (prNumberSuffixPattern.test(subject)) prNumberSuffix++
    if (
      commitMessage(commit)
        .split('\n')
        .some((line) => coAuthoredLinePattern.test(line))
    )
      coAuthored++
    lengths.push([...subject].length)
  }
  const total = commits.length
  return {
    conventionalShare: share(conventional, total),
    prefixes: Object.fromEntries([...prefixCounts].sort(([x], [y]) => compareText(x, y))),
    prNumberSuffixShare: share(prNumberSuffix, total),
    medianSubjectLength: median(lengths),
    coAuthoredShare: share(coAuthored, total),
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  values.sort((x, y) => x - y)
  const middle = values.length >>> 1
  const upper = values[middle] as number
  return values.length % 2 === 1 ? upper : ((values[middle - 1] as number) + upper) / 2
}
