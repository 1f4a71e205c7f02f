import { z } from 'zod'
import { type VariableRole, variableNameProblem } from './api-key-variable.js'

const positiveInt = z.number().int().positive()

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** An http(s) URL; anything else is refused before a request is made. */
const httpUrl = (example: string) =>
  z.string().refine(isHttpUrl, { message: `must be an http:// or https:// URL, such as ${example}` })

/** The name of an environment variable whose value goes where `role` says (see `variableNameProblem`). */
const variableName = (role: VariableRole) =>
  z.string().superRefine((name, context) => {
    const problem = variableNameProblem(role, name)
    if (problem !== null) context.addIssue({ code: 'custom', message: problem })
  })

export const analysisConfigSchema = z.strictObject({
  /** Start of the window: a duration back from `until` (`90d`, `12w`, `1y`), an ISO date, or `all`. */
  since: z.string().min(1).default('90d'),
  /** End of the window (ISO date); empty means now. */
  until: z.string().default(''),
  /** Which git backend reads history. */
  git_backend: z.enum(['auto', 'isomorphic', 'cli']).default('auto'),
  max_changeset_size: positiveInt.default(30),
  min_shared_commits: positiveInt.default(3),
  fix_window_days: z.number().nonnegative().default(7),
  top: positiveInt.default(100),
  /** Count generated and vendored files in ownership, bus factor, hubs, knowledge loss and findings. */
  include_generated: z.boolean().default(false),
  /** Count bot and release commits in ownership, bus factor, knowledge loss and findings. */
  include_automation: z.boolean().default(false),
  /** Merge one person's identities (same name, GitHub noreply address, GitHub login); `.mailmap` always applies. */
  merge_identities: z.boolean().default(true),
  /** Days without a commit after which an author counts as inactive (knowledge loss). */
  inactive_days: z.number().positive().default(180),
})

export const githubConfigSchema = z.strictObject({
  repo: z.string().default(''),
  api_url: httpUrl('https://api.github.com').default('https://api.github.com'),
  /**
   * Where `gitlore analyze --repos` clones `owner/name` from: a URL with `{owner}` and `{name}` (https, ssh
   * or file); default `https://<web host of api_url>/{owner}/{name}.git`.
   */
  clone_url: z.string().default(''),
  extra_bots: z.array(z.string()).default([]),
})

export const modelsConfigSchema = z.strictObject({
  classifier: z.string().default('openrouter/google/gemini-3-flash-preview'),
  embedding: z.string().default('openrouter/openai/text-embedding-3-small'),
  synthesizer: z.string().default('openrouter/anthropic/claude-sonnet-4.5'),
  concurrency: positiveInt.default(8),
  /** Seconds a model request may wait for its answer (the first bytes of a streamed one) before it counts as failed. */
  response_timeout: positiveInt.default(120),
})

export const providersConfigSchema = z.strictObject({
  compatible: z
    .strictObject({
      base_url: httpUrl('http://localhost:11434/v1').default('http://localhost:11434/v1'),
      api_key_env: variableName('api_key').default(''),
    })
    .prefault({}),
})

export const outputFormats = [
  'report',
  'html',
  'xml',
  'json',
  'claude_md',
  'agents_md',
  'cursor_rules',
  'copilot',
] as const
export type OutputFormat = (typeof outputFormats)[number]

export const outputConfigSchema = z.strictObject({
  formats: z
    .array(z.enum(outputFormats))
    .min(1, { message: `list at least one format: ${outputFormats.join(', ')}` })
    .default(['report', 'html']),
  dir: z.string().default('.'),
})

/** A URL with a password in its user part or in a `password` parameter; the password is never echoed. */
const urlWithPassword = /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*:[^/?#@]*@|[?&]password=/i

export const cacheConfigSchema = z.strictObject({
  /** The SQLite file, relative to the repository root; used when no PostgreSQL URL is configured. */
  path: z.string().default('.gitlore/cache.db'),
  /** A PostgreSQL database a team shares: `postgres://user@host:5432/db`, never with a password. */
  url: z
    .string()
    .default('')
    .refine((url) => url === '' || /^postgres(ql)?:\/\//i.test(url.trim()), {
      message: 'must be a postgres:// URL (or empty for the SQLite file at [cache] path)',
    })
    .refine((url) => !urlWithPassword.test(url), {
      message:
        'must not hold a password: put it in PGPASSWORD or in the variable [cache] password_env names, or keep the whole URL in the variable [cache] url_env names',
    }),
  /** Name of an environment variable holding the whole PostgreSQL URL (it may hold the password). */
  url_env: variableName('url').default(''),
  /** Name of an environment variable holding the PostgreSQL password (default: libpq's PGPASSWORD). */
  password_env: variableName('password').default(''),
})

export const configSchema = z.strictObject({
  analysis: analysisConfigSchema.prefault({}),
  github: githubConfigSchema.prefault({}),
  models: modelsConfigSchema.prefault({}),
  providers: providersConfigSchema.prefault({}),
  output: outputConfigSchema.prefault({}),
  cache: cacheConfigSchema.prefault({}),
})

/** gitlore's configuration after defaults are applied (keys as in gitlore.toml). */
export type GitloreConfig = z.output<typeof configSchema>
/** What a config file, the environment or flags may set: any subset of the keys. */
export type ConfigInput = z.input<typeof configSchema>
