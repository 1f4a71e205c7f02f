import { UsageError } from '@gitlore/core'

/** The assistant files gitlore can keep, by format, as the pull request holds them. */
export const assistantFilePaths = {
  claude_md: 'CLAUDE.md',
  agents_md: 'AGENTS.md',
  cursor_rules: '.cursor/rules/gitlore.mdc',
  copilot: '.github/copilot-instructions.md',
} as const

export type AssistantFormat = keyof typeof assistantFilePaths

/** The action's inputs (`action.yml`), as the composite step hands them over in `INPUT_*` variables. */
export interface ActionInputs {
  /** `--since` of the analysis. */
  readonly since: string
  /** Report formats uploaded as the artifact (`report`, `html`, `json`, `xml`). */
  readonly reports: readonly string[]
  /** Assistant files kept up to date through the pull request; empty for none. */
  readonly assistantFiles: readonly AssistantFormat[]
  /** Open or update the pull request. */
  readonly pullRequest: boolean
  /** The pull request's branch. */
  readonly branch: string
  /** The branch the pull request targets; empty for the repository's default branch. */
  readonly base: string
  /** A `--repos` list (relative to the workspace): the organisation run instead of one repository. */
  readonly repos: string
  /** With `repos`: only roll up the stored runs. */
  readonly rollUpOnly: boolean
  /** Token for the pull request and, unless the environment has one, GitHub reviews. */
  readonly token: string
  /** `owner/name` the pull request goes to; empty: the checkout's origin on GitHub, else `GITHUB_REPOSITORY`. */
  readonly repository: string
}

const reportFormats = new Set(['report', 'html', 'json', 'xml'])

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = (value ?? '').trim().toLowerCase()
  if (text === '') return fallback
  if (text === 'true') return true
  if (text === 'false') return false
  throw new UsageError(`input ${name} must be true or false, got "${value}"`)
}

/** A branch name git accepts and a shell could not misread (the action never uses a shell, but logs do). */
const branchName = /^(?!.*\.\.)(?!.*\/\/)(?!\/)(?!.*\/$)(?!.*\.lock$)[A-Za-z0-9._/-]{1,100}$/

function repositoryInput(value: string | undefined): string {
  const text = (value ?? '').trim()
  if (text !== '' && !/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/.test(text)) {
    throw new UsageError(`input repository: "${text}" is not owner/name`)
  }
  return text
}

/** Reads and checks the inputs; a bad one is a `UsageError` naming it. */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const reports = list(env.INPUT_REPORTS ?? 'report,html,json')
  for (const format of reports) {
    if (!reportFormats.has(format))
      throw new UsageError(`input reports: "${format}" is not one of report, html, json, xml`)
  }
  const assistantFiles = list(env.INPUT_ASSISTANT_FILES ?? 'claude_md,agents_md').map((format) => {
    if (!(format in assistantFilePaths)) {
      throw new UsageError(
        `input assistant-files: "${format}" is not one of ${Object.keys(assistantFilePaths).join(', ')}`,
      )
    }
    return format as AssistantFormat
  })
  const branch = (env.INPUT_BRANCH ?? '').trim() || 'gitlore/assistant-files'
  if (!branchName.test(branch)) throw new UsageError(`input branch: "${branch}" is not a branch name gitlore will push`)
  const base = (env.INPUT_BASE ?? '').trim()
  if (base !== '' && !branchName.test(base)) throw new UsageError(`input base: "${base}" is not a branch name`)
  return {
    since: (env.INPUT_SINCE ?? '').trim() || '90d',
    reports: reports.length === 0 ? ['report', 'html'] : reports,
    assistantFiles,
    pullRequest: flag('pull-request', env.INPUT_PULL_REQUEST, true),
    branch,
    base,
    repos: (env.INPUT_REPOS ?? '').trim(),
    rollUpOnly: flag('rollup-only', env.INPUT_ROLLUP_ONLY, false),
    token: (env.INPUT_GITHUB_TOKEN ?? '').trim(),
    repository: repositoryInput(env.INPUT_REPOSITORY),
  }
}
