import type { CiRun, CiStats, Commit, Finding, PersonStats, ReviewCluster } from '@gitlore/core'

/** What `buildTriageBrief` reads: the failed run (or a pasted log) and the history around it. */
export interface TriageInput {
  /** The failed run, with every attempt; null for a pasted log. */
  readonly run: CiRun | null
  /** The attempt to triage; default the run's latest. */
  readonly attempt?: number | undefined
  /** Only this job of the run (a `/job/<id>` URL). */
  readonly jobId?: number | undefined
  /** A pasted log (`--logs FILE`), read in place of the run's logs; taken as a failure at `head`. */
  readonly logText?: string | undefined
  /** The window's CI history (the run itself may be among them). */
  readonly runs: readonly CiRun[]
  /** CI statistics of the window; null without CI history. */
  readonly stats: CiStats | null
  /** The window's commits in `git log` order. */
  readonly commits: readonly Commit[]
  /** HEAD's sha. */
  readonly head: string | null
  /** `owner/repo`, when known. */
  readonly repository?: string | null | undefined
  /** Findings of the latest stored run. */
  readonly findings?: readonly Finding[] | undefined
  /** Review themes of the latest stored run. */
  readonly clusters?: readonly ReviewCluster[] | undefined
  /** People of the context (for names). */
  readonly people?: readonly PersonStats[] | undefined
  /** Whether a path is a file at HEAD (for `existingTestPath`); default: nothing is (the caller checks). */
  readonly existsAtHead?: ((path: string) => boolean) | undefined
}
