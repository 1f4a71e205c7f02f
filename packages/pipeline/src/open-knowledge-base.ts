import {
  createKnowledgeBase,
  type KnowledgeBase,
  KnowledgeIndexMissingError,
  knowledgeReader,
} from '@gitlore/knowledge'
import { openRepositoryCache } from './open-repository-cache.js'
import { cachedHead } from './read-head.js'
import type { RepositoryOptions } from './repository-options.js'

/** A repository's knowledge index, open for questions: the caller closes it. */
export interface OpenedKnowledgeBase {
  /** The repository's top-level directory. */
  readonly root: string
  readonly knowledge: KnowledgeBase
  /** One line when the repository's gitlore.toml set keys it is not trusted to set; else null. */
  readonly warning: string | null
  close(): Promise<void>
}

/**
 * Opens the knowledge index `gitlore analyze` keeps in the repository's cache (SQLite, or the team's
 * PostgreSQL), for `advise`, `related`, `guidance` and the MCP server. Answers say when HEAD moved
 * since the index was built. Throws `KnowledgeIndexMissingError` when there is no index yet.
 */
export async function openKnowledgeBase(options: RepositoryOptions = {}): Promise<OpenedKnowledgeBase> {
  const { root, cache, warning } = await openRepositoryCache(options)
  try {
    if ((await knowledgeReader(cache).meta()) === null) throw new KnowledgeIndexMissingError(root)
  } catch (error) {
    await cache.close()
    throw error
  }
  return {
    root,
    knowledge: createKnowledgeBase({ store: cache, root, currentHead: cachedHead(root) }),
    warning,
    close: () => cache.close(),
  }
}
