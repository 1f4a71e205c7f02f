import type { RawCommit } from '@gitlore/core'

/** Commits and file events named in a warning before the rest are only counted. */
const named = 20

function listed(items: readonly string[]): string {
  const shown = items.slice(0, named).join(', ')
  return items.length > named ? `${shown} and ${items.length - named} more` : shown
}

/**
 * The warnings of a history read from an object store that lacks objects (a partial clone): one
 * naming the file events whose line counts are unknown, one naming the commits whose files are
 * unknown (their trees are missing). Nothing was fetched, and every other number is exact.
 */
export function missingObjectWarnings(commits: readonly RawCommit[]): string[] {
  const events: string[] = []
  const treeless: string[] = []
  for (const commit of commits) {
    if (commit.filesUnknown === true) treeless.push(commit.sha.slice(0, 12))
    for (const file of commit.files)
      if (file.linesUnknown === true) events.push(`${commit.sha.slice(0, 12)} ${file.path}`)
  }
  const warnings: string[] = []
  if (events.length > 0) {
    warnings.push(
      `line counts unknown for ${events.length} file event(s) whose blobs are missing from the object store (a partial clone?): ${listed(events)}; they count 0 added and 0 removed lines, every other number is exact, and nothing was fetched (fetch the objects with git to count them)`,
    )
  }
  if (treeless.length > 0) {
    warnings.push(
      `files unknown for ${treeless.length} commit(s) whose trees are missing from the object store (a partial clone?): ${listed(treeless)}; they count as commits without files, and nothing was fetched`,
    )
  }
  return warnings
}
