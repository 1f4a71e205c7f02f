import type { Conventions } from '@gitlore/core'
import { compareText } from './compare-text.js'
import type { HistoryTally } from './history-tally.js'
import { share } from './round-ratio.js'

/** A conventional-commit subject; group 1 is the type. */
export const conventionalSubjectPattern =
  /^(feat|fix|chore|docs|refactor|test|perf|ci|build|style|revert)(\([^)]*\))?!?:/i
/** A subject ending in a pull-request number such as `(#123)`. */
export const prNumberSuffixPattern = /\(#\d+\)\s*$/
/**
 * Subject habits over the commits: shares rounded to 4 decimals, `prefixes` keyed by lower-cased
 * conventional type (keys in alphabetical order), the median subject length in code points (the
 * mean of the two middle lengths for an even count, unrounded). An empty history gives zeros.
 */
export function computeConventions(tally: HistoryTally): Conventions {
  const { conventional, prefixes, prNumberSuffix, coAuthored, lengths } = tally.conventions
  const total = tally.commits
  return {
    conventionalShare: share(conventional, total),
    prefixes: Object.fromEntries([...prefixes].sort(([x], [y]) => compareText(x, y))),
    prNumberSuffixShare: share(prNumberSuffix, total),
    medianSubjectLength: median(lengths, total),
    coAuthoredShare: share(coAuthored, total),
  }
}

/** The median of `total` values given as value -> how many. */
function median(counts: ReadonlyMap<number, number>, total: number): number {
  if (total === 0) return 0
  const sorted = [...counts].sort(([x], [y]) => x - y)
  const at = (index: number): number => {
    let seen = 0
    for (const [value, count] of sorted) {
      seen += count
      if (index < seen) return value
    }
    return 0
  }
  const middle = total >>> 1
  return total % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2
}
