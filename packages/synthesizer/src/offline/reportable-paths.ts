import type { RepositoryContext } from '@gitlore/core'
import { isHousekeepingFile } from './path-kinds.js'

/**
 * The paths a finding may name: they exist at HEAD (the history of deleted paths stays in the
 * context), are not generated or vendored (unless the analysis included them), and are not a
 * changelog. A path the context has no facts about counts as a current source file.
 */
export function reportablePaths(context: RepositoryContext): (path: string) => boolean {
  const facts = new Map(context.files.map((entry) => [entry.path, entry]))
  const includeGenerated = context.settings.includeGenerated
  return (path) => {
    const known = facts.get(path)
    if (known !== undefined && (!known.atHead || (known.generated !== undefined && !includeGenerated))) return false
    return !isHousekeepingFile(path)
  }
}
