import { GitloreError } from '@gitlore/core'

/** A query's input cannot be answered from the index (a path outside the repository, a bad category, ...). */
export class KnowledgeInputError extends GitloreError {
  constructor(message: string) {
    super({ code: 'knowledge_input', kind: 'usage', message })
    this.name = 'KnowledgeInputError'
  }
}

/** No index was built for the repository yet, or the stored one is in an older gitlore's format. */
export class KnowledgeIndexMissingError extends GitloreError {
  constructor(repository: string, options: { readonly outdated?: boolean } = {}) {
    super({
      code: 'knowledge_index_missing',
      kind: 'usage',
      message:
        options.outdated === true
          ? `the knowledge index of ${repository} was built by an older gitlore: run gitlore analyze (add --offline to ask no network service) to rebuild it, then ask again`
          : `no knowledge index for ${repository} yet: run gitlore analyze (add --offline to ask no network service), then ask again`,
    })
    this.name = 'KnowledgeIndexMissingError'
  }
}
