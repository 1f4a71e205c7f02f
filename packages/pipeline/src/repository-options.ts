import type { ConfigInput } from '@gitlore/core'
import type { PipelineEventListener } from './pipeline-event.js'

/** Which repository and which configuration: shared by every pipeline function. */
export interface RepositoryOptions {
  /** A directory inside the repository (its top level is found); default: the working directory. */
  readonly dir?: string
  /** An explicit configuration file; default: `<repository>/gitlore.toml` when it exists. */
  readonly configPath?: string
  /** Configuration values (as in gitlore.toml, snake_case) that win over the file and the environment. */
  readonly config?: ConfigInput
  /** Environment for `GITLORE_<SECTION>_<KEY>` overrides and for keys and tokens; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** What every long-running pipeline function also takes. */
export interface RunControlOptions {
  /** Stops the run at the next item; work already committed to the cache is kept. */
  readonly signal?: AbortSignal
  /** Receives progress, notes, warnings and the agent's steps as they happen. */
  readonly onEvent?: PipelineEventListener
}
