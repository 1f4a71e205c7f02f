import {
  createKnowledgeBase,
  type KnowledgeBase,
  KnowledgeIndexMissingError,
  knowledgeReader,
  type PlanningBrief,
} from '@gitlore/knowledge'
import { openRepositoryCache } from './open-repository-cache.js'
import { cachedHead } from './read-head.js'
import type { RepositoryOptions } from './repository-options.js'
import { type BriefSynthesis, synthesizeBrief } from './synthesize-brief.js'

/** A repository's knowledge index, open for questions: the caller closes it. */
export interface OpenedKnowledgeBase {
  /** The repository's top-level directory. */
  readonly root: string
  readonly knowledge: KnowledgeBase
  /** One line when the repository's gitlore.toml set keys it is not trusted to set; else null. */
  readonly warning: string | null
  /** A short synthesis of a brief for its task by the configured synthesizer model, cached (see `synthesizeBrief`). */
  synthesize(brief: PlanningBrief, signal?: AbortSignal): Promise<BriefSynthesis>
  close(): Promise<void>
}

/**
 * Opens the knowledge index `gitlore analyze` keeps in the repository's cache (SQLite, or the team's
 * PostgreSQL), for `advise`, `related`, `guidance` and the MCP server. Answers say when HEAD moved
 * since the index was built. Throws `KnowledgeIndexMissingError` when there is no index yet.
 */
export async function openKnowledgeBase(options: RepositoryOptions = {}): Promise<OpenedKnowledgeBase> {
  const { root, config, cache, head, warning } = await openRepositoryCache(options)
  try {
    const reader = knowledgeReader(cache)
    if ((await reader.meta()) === null)
      throw new KnowledgeIndexMissingError(root, { outdated: await reader.outdated() })
  } catch (error) {
    await cache.close()
    throw error
  }
  return {
    root,
    knowledge: createKnowledgeBase({ store: cache, root, currentHead: cachedHead(root, { known: head }) }),
    warning,
    synthesize: (brief, signal) =>
      synthesizeBrief({
        brief,
        root,
        config,
        env: options.env ?? process.env,
        cache,
        ...(signal === undefined ? {} : { signal }),
      }),
    close: () => cache.close(),
  }
}
