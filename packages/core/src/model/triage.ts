import type { TestRunner } from './ci-stats.js'

/** Is a CI failure deterministic? `unknown`: not enough history to tell (treat as deterministic, re-run once to learn). */
export type TriageVerdict = 'deterministic' | 'flaky' | 'unknown'

/** One fact behind the verdict. */
export interface TriageEvidence {
  /** Which way it points. */
  readonly points: 'deterministic' | 'flaky'
  /** `same-sha`: a re-run of the same commit; `history`: earlier runs of the same job or test. */
  readonly kind: 'same-sha' | 'history'
  readonly text: string
  /** A run URL or commit sha backing it. */
  readonly ref?: string
}

/** A job of the failed run that failed. */
export interface TriageJob {
  readonly name: string
  readonly url: string | null
  /** The step that failed, when GitHub says. */
  readonly step: string | null
  readonly tests: readonly { readonly test: string; readonly file: string | null; readonly runner: TestRunner }[]
  /** Check-run annotations (file, line, message), the generic exit-code ones left out. */
  readonly annotations: readonly { readonly path: string; readonly line: number | null; readonly message: string }[]
  /** What became of its log: `stored` (its tail is in the brief), `expired`, `unavailable`, `not_fetched`. */
  readonly log: string
}

/** A commit since the last green run. */
export interface TriageCommit {
  readonly sha: string
  readonly subject: string
  readonly author: string
  readonly authoredAt: string
  readonly files: readonly string[]
  /** This commit's run was the first to fail after the last green one: it turned the branch red. */
  readonly turnedRed: boolean
}

/** A commit (or pull request) that fixed the same failure before. */
export interface TriageFix {
  readonly sha: string
  readonly subject: string
  readonly author: string
  readonly why: string
}

/** Someone to contact, and why. */
export interface TriageContact {
  readonly identity: string
  readonly name: string
  readonly reasons: readonly string[]
}

/** A reproduce-and-fix brief for one failed CI run (or a pasted log). */
export interface TriageBrief {
  /** The run's web page; null for `--logs`. */
  readonly url: string | null
  readonly repository: string | null
  readonly workflow: string | null
  readonly branch: string | null
  readonly headSha: string | null
  readonly attempt: number | null
  readonly jobs: readonly TriageJob[]
  readonly verdict: TriageVerdict
  readonly evidence: readonly TriageEvidence[]
  /** The last passing run of the workflow on the branch before this one; null when none is known. */
  readonly lastGreen: { readonly sha: string; readonly url: string; readonly at: string } | null
  /** Commits after the last green run up to the failing one, newest first. */
  readonly suspects: readonly TriageCommit[]
  /** Files to look at first: the red commit's, the failing tests', the annotated ones. */
  readonly files: readonly string[]
  readonly pastFixes: readonly TriageFix[]
  /** Findings of the latest stored run on those files (title and id). */
  readonly findings: readonly { readonly id: string; readonly title: string; readonly files: readonly string[] }[]
  /** Review themes on those files (label and size). */
  readonly themes: readonly { readonly label: string; readonly size: number; readonly files: readonly string[] }[]
  readonly contacts: readonly TriageContact[]
  /** A later run of the workflow on the branch passed: it has been green since. */
  readonly greenSince: { readonly sha: string; readonly url: string; readonly at: string } | null
  /** The failing step's output, bounded. */
  readonly logExcerpt: string
  /** A test file at HEAD that runs the failing test, for a reproduction. */
  readonly existingTestPath: string | null
  /** Plain sentences about what the brief could not know (expired logs, commits outside the window). */
  readonly notes: readonly string[]
}
