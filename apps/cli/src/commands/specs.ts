import type { ParseArgsOptionsConfig } from 'node:util'

/** A command's flags and help text; kept free of imports so `--help` loads nothing heavy. */
export interface CommandSpec {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly options: ParseArgsOptionsConfig
  readonly help: string
  /** Number of positional arguments accepted. */
  readonly positionals?: number
}

const windowHelp = `  --repo DIR                 repository to read (default: the current directory)
  --config FILE              configuration file (default: <repo>/gitlore.toml)
  --since 90d|DATE|all       start of the window: a duration back from --until, an ISO date, or all
  --until DATE               end of the window (default: now)
  --git-backend B            auto | cli | isomorphic (auto uses the git binary when present)
  --no-cache                 use no cache (default: <repo>/.gitlore/cache.db, or [cache] url)`

const windowOptions = {
  repo: { type: 'string' },
  config: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'git-backend': { type: 'string' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig

const statsOptions = {
  top: { type: 'string' },
  'max-changeset-size': { type: 'string' },
  'min-shared-commits': { type: 'string' },
  'fix-window-days': { type: 'string' },
  'inactive-days': { type: 'string' },
  'include-generated': { type: 'boolean' },
  'include-automation': { type: 'boolean' },
  'no-merge-identities': { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig

const statsHelp = `  --top N                    cap each list at N entries, never fewer than 20 (default 100)
  --max-changeset-size N     coupling ignores commits touching more than N files (default 30)
  --min-shared-commits N     coupling pairs need at least N shared commits (default 3)
  --fix-window-days N        fix-after looks back N days before each fix (default 7)
  --inactive-days N          authors without a commit for N days count as gone (default 180)
  --include-generated        count generated and vendored files in ownership and findings
  --include-automation       count bot and release commits in ownership and findings
  --no-merge-identities      count each email as its own person (.mailmap still applies)`

export const contextSpec: CommandSpec = {
  name: 'context',
  summary: 'print repository statistics (no LLM) and write .gitlore/context.json',
  usage: 'gitlore context [options]',
  options: {
    ...windowOptions,
    ...statsOptions,
    json: { type: 'boolean' },
    'git-only': { type: 'boolean' },
    offline: { type: 'boolean' },
    refresh: { type: 'boolean' },
  },
  help: `${windowHelp}
${statsHelp}
  --git-only                 leave GitHub review data out
  --offline                  ask no network service (review data only from the cache)
  --refresh                  refetch review data for the whole window
  --json                     print the context JSON on stdout and nothing else`,
}

export const analyzeSpec: CommandSpec = {
  name: 'analyze',
  summary: 'analyse history and reviews, find what they teach, write the reports',
  usage: 'gitlore analyze [options] | gitlore analyze --repos FILE [options]',
  options: {
    ...windowOptions,
    ...statsOptions,
    'git-only': { type: 'boolean' },
    offline: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    refresh: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    repos: { type: 'string' },
    concurrency: { type: 'string' },
    'clone-dir': { type: 'string' },
    'rollup-only': { type: 'boolean' },
  },
  help: `${windowHelp}
${statsHelp}
  --offline                  no network, no LLM: statistical findings (review data only from the cache)
  --git-only                 skip GitHub review data
  --format LIST              comma-separated formats (default from config: report,html)
  --out DIR                  where reports go (default: the repository root)
  --refresh                  refetch review data for the whole window
  --dry-run                  print the report on stdout instead of writing files
  -v, --verbose              show more detail while running

Many repositories:
  --repos FILE               analyse every repository FILE names, one per line: owner/name (cloned
                             shallow to the window) or a directory (/, ./, ../, ~/); then write the
                             organisation report gitlore-org-report.md and .html to --out (default
                             ./gitlore-org), each repository's outputs in a folder of it
  --concurrency N            repositories analysed at once (default 2)
  --clone-dir DIR            where owner/name repositories are cloned (default ~/.cache/gitlore/repositories)
  --rollup-only              analyse nothing: roll up each repository's latest stored run`,
}

export const initSpec: CommandSpec = {
  name: 'init',
  summary: 'write a commented gitlore.toml into the repository',
  usage: 'gitlore init [--repo DIR] [--force]',
  options: { repo: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  help: `  --repo DIR                 repository root (default: the current directory)
  --force                    overwrite an existing gitlore.toml`,
}

export const cacheSpec: CommandSpec = {
  name: 'cache',
  summary: 'show (stats) or empty (clear) the cache (<repo>/.gitlore/cache.db, or [cache] url)',
  usage: 'gitlore cache stats|clear [--repo DIR] [--config FILE] [--all]',
  options: {
    repo: { type: 'string' },
    config: { type: 'string' },
    all: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: 1,
  help: `  stats                      row counts per table (this repository's and the whole database's), file size
  clear                      delete this repository's cached data (the schema stays)
  --all                      with clear: every repository's data in the database
  --repo DIR                 repository root (default: the current directory)
  --config FILE              configuration file (default: <repo>/gitlore.toml)`,
}

export const runsSpec: CommandSpec = {
  name: 'runs',
  summary: 'list the stored analyze runs, newest first',
  usage: 'gitlore runs [--repo DIR] [--limit N]',
  options: {
    repo: { type: 'string' },
    config: { type: 'string' },
    limit: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  help: `  --repo DIR                 repository root (default: the current directory)
  --config FILE              configuration file (default: <repo>/gitlore.toml)
  --limit N                  how many runs to list (default 20)`,
}

export const renderSpec: CommandSpec = {
  name: 'render',
  summary: 'write one output of a stored run again (no new analysis)',
  usage: 'gitlore render <format> [--run ID] [--out DIR] [--repo DIR]',
  options: {
    repo: { type: 'string' },
    config: { type: 'string' },
    run: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: 1,
  help: `  <format>                   report, html, xml, json, claude_md, agents_md, cursor_rules, copilot
  --run ID                   the run (an id or a unique prefix; default: the newest)
  --out DIR                  where to write (default: the repository root)
  --repo DIR                 repository root (default: the current directory)
  --config FILE              configuration file (default: <repo>/gitlore.toml)`,
}

export const trustSpec: CommandSpec = {
  name: 'trust',
  summary: "let the repository's gitlore.toml choose URLs, keys and paths (until it changes)",
  usage: 'gitlore trust [allow|list|revoke] [--repo DIR]',
  options: { repo: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  positionals: 1,
  help: `  allow                      trust the repository's gitlore.toml as it is now (the default)
  list                       list trusted files and whether they changed since
  revoke                     stop trusting the repository's gitlore.toml
  --repo DIR                 repository root (default: the current directory)

Without trust, a repository's gitlore.toml cannot set [github] api_url, clone_url and repo,
[providers.*] base_url and api_key_env, [output] dir, or [cache] path, url, url_env and
password_env: only your ~/.config/gitlore/gitlore.toml, --config, GITLORE_* variables and flags
can. Read the file before trusting it.`,
}

export const triageSpec: CommandSpec = {
  name: 'triage',
  summary: 'a reproduce-and-fix brief for a failed GitHub Actions run: flaky or not, suspects, who to ask',
  usage: 'gitlore triage <run-url> | --logs FILE [--json] [options]',
  options: {
    ...windowOptions,
    logs: { type: 'string' },
    json: { type: 'boolean' },
    offline: { type: 'boolean' },
  },
  positionals: 1,
  help: `  <run-url>                  https://github.com/OWNER/REPO/actions/runs/ID (also /attempts/N, /job/ID)
  --logs FILE                triage a saved CI log instead, as a failure at HEAD
  --json                     print the info.json object (deterministic, url, prompt, raw-logs,
                             existing-test-path, and gitlore's whole brief) and nothing else
  --offline                  ask GitHub nothing: use the CI history an earlier run cached
${windowHelp}`,
}

const indexOptions = {
  repo: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig

const indexHelp = `  --repo DIR                 repository (default: the current directory)
  --config FILE              configuration file (default: <repo>/gitlore.toml)`

export const adviseSpec: CommandSpec = {
  name: 'advise',
  summary: 'what to know before touching some files: review asks, what breaks, what changes with them, who to ask',
  usage: 'gitlore advise --files A,B [--task TEXT [--synthesize]] [--json] [options]',
  options: {
    ...indexOptions,
    files: { type: 'string' },
    task: { type: 'string' },
    synthesize: { type: 'boolean' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 50,
  help: `  --files A,B                the files (or directories, ending in /) you are about to change; also as arguments
  --task TEXT                what the change is for; ranks what matches it higher
  --synthesize               add a short reading for the task by [models] synthesizer (cached; needs --task)
  --limit N                  items per section (default 5, at most 20)
  --json                     print the brief as JSON
${indexHelp}
Answers from the knowledge index that gitlore analyze builds: no git walk, no network, no model
(except --synthesize).`,
}

export const relatedSpec: CommandSpec = {
  name: 'related',
  summary: 'files that change together with a file, or where reviewers raise the same themes',
  usage: 'gitlore related <path> [--json] [options]',
  options: { ...indexOptions, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 1,
  help: `  <path>                     a file, relative to the repository root
  --limit N                  how many files (default 20)
  --json                     print JSON
${indexHelp}`,
}

export const guidanceSpec: CommandSpec = {
  name: 'guidance',
  summary: 'repository-wide review themes, findings, conventions and who knows which area',
  usage: 'gitlore guidance [topic] [--json] [options]',
  options: { ...indexOptions, limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 1,
  help: `  [topic]                    a review category (testing, security, ...), a finding category (landmine, ...) or words
  --limit N                  items per section (default 5, at most 20)
  --json                     print JSON
${indexHelp}`,
}

export const mcpSpec: CommandSpec = {
  name: 'mcp',
  summary: 'serve the knowledge index to AI assistants over MCP (stdio)',
  usage: 'gitlore mcp [--repo DIR] [--config FILE]',
  options: indexOptions,
  help: `${indexHelp}
Tools: get_planning_brief, get_related_files, get_repo_guidance, search_review_comments, get_findings.
See docs/mcp.md for Claude Code, Cursor and VS Code setup.`,
}

export const commandSpecs: readonly CommandSpec[] = [
  analyzeSpec,
  contextSpec,
  triageSpec,
  adviseSpec,
  relatedSpec,
  guidanceSpec,
  mcpSpec,
  renderSpec,
  runsSpec,
  initSpec,
  cacheSpec,
  trustSpec,
]

export function commandHelp(spec: CommandSpec): string {
  // Prose after the option list (unindented lines at its end) goes after every option, -h included.
  const lines = spec.help.trimEnd().split('\n')
  let prose = lines.length
  while (prose > 0 && lines[prose - 1] !== '' && !lines[prose - 1]?.startsWith(' ')) prose--
  const options = lines.slice(0, prose).join('\n').trimEnd()
  const notes = prose === lines.length ? '' : `\n${lines.slice(prose).join('\n')}\n`
  return `${spec.summary}\n\nUsage: ${spec.usage}\n\nOptions:\n${options}\n  -h, --help                 show this help\n${notes}`
}

export function mainHelp(version: string): string {
  const width = Math.max(...commandSpecs.map((spec) => spec.name.length))
  const lines = commandSpecs.map((spec) => `  ${spec.name.padEnd(width)}  ${spec.summary}`)
  return `gitlore ${version}: what a repository's history and reviews teach, for people and AI assistants

Usage: gitlore <command> [options]

Commands:
${lines.join('\n')}

Run gitlore <command> --help for a command's options.
Exit codes: 0 ok, 1 failure, 2 usage or configuration error, 3 finished with a degraded stage,
130 interrupted.
`
}
