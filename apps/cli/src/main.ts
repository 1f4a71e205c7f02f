import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type CommandSpec, commandHelp, commandSpecs, mainHelp } from './commands/specs.js'
import { exitCodes, type Terminal } from './terminal.js'

/** Parsed flags of one command, as `node:util` parseArgs returns them. */
export type Flags = Record<string, string | boolean | undefined>

export interface CommandInput {
  readonly flags: Flags
  readonly positionals: readonly string[]
  readonly terminal: Terminal
  /** Aborted on SIGINT; long stages stop at the next item and keep what they committed. */
  readonly signal: AbortSignal
}

type CommandRunner = (input: CommandInput) => Promise<number>

// Implementations load only when their command runs, so `--help` stays as fast as bare node.
const runners: Readonly<Record<string, () => Promise<CommandRunner>>> = {
  analyze: async () => (await import('./commands/analyze.js')).runAnalyze,
  context: async () => (await import('./commands/context.js')).runContext,
  init: async () => (await import('./commands/init.js')).runInit,
  cache: async () => (await import('./commands/cache.js')).runCache,
  runs: async () => (await import('./commands/runs.js')).runRuns,
  render: async () => (await import('./commands/render.js')).runRender,
  trust: async () => (await import('./commands/trust.js')).runTrust,
  triage: async () => (await import('./commands/triage.js')).runTriage,
  advise: async () => (await import('./commands/advise.js')).runAdvise,
  related: async () => (await import('./commands/related.js')).runRelated,
  guidance: async () => (await import('./commands/guidance.js')).runGuidance,
  mcp: async () => (await import('./commands/mcp.js')).runMcp,
}

export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(
  argv: readonly string[],
  terminal: Terminal,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const spec = commandSpecs.find((candidate) => candidate.name === rest[0])
    terminal.stdout(spec ? commandHelp(spec) : mainHelp(version()))
    return exitCodes.ok
  }
  if (first === '--version' || first === '-V') {
    terminal.stdout(`${version()}\n`)
    return exitCodes.ok
  }
  // Loaded after --help and --version, which print only gitlore's own text and must stay fast.
  terminal = (await import('./safe-terminal.js')).safeTerminal(terminal)
  const spec = commandSpecs.find((candidate) => candidate.name === first)
  if (spec === undefined) {
    terminal.stderr(`gitlore: unknown command "${first}"; run gitlore --help to see the commands\n`)
    return exitCodes.usage
  }
  let parsed: { flags: Flags; positionals: string[] }
  try {
    parsed = parseCommandArgs(spec, rest)
  } catch (error) {
    terminal.stderr(`gitlore ${spec.name}: ${oneLine((error as Error).message)}; run gitlore ${spec.name} --help\n`)
    return exitCodes.usage
  }
  if (parsed.flags.help === true) {
    terminal.stdout(commandHelp(spec))
    return exitCodes.ok
  }
  try {
    const run = await (runners[spec.name] as () => Promise<CommandRunner>)()
    return await run({ flags: parsed.flags, positionals: parsed.positionals, terminal, signal })
  } catch (error) {
    return reportError(error, terminal, signal)
  }
}

function parseCommandArgs(spec: CommandSpec, args: readonly string[]): { flags: Flags; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: spec.options,
    strict: true,
    allowPositionals: (spec.positionals ?? 0) > 0,
  })
  if (positionals.length > (spec.positionals ?? 0)) throw new Error(`unexpected argument "${positionals.at(-1)}"`)
  return { flags: values as Flags, positionals }
}

/** The only place errors become terminal text and exit codes. */
export async function reportError(error: unknown, terminal: Terminal, signal?: AbortSignal): Promise<number> {
  if (signal?.aborted) {
    terminal.stderr('gitlore: interrupted; finished work is kept in the cache\n')
    return exitCodes.interrupted
  }
  const { GitloreError } = await import('@gitlore/core')
  if (GitloreError.isInstance(error)) {
    terminal.stderr(`gitlore: ${oneLine(error.message)}\n`)
    return error.kind === 'usage' ? exitCodes.usage : exitCodes.failure
  }
  const message = error instanceof Error ? error.message : String(error)
  terminal.stderr(`gitlore: unexpected error (please report it; GITLORE_DEBUG=1 shows where): ${oneLine(message)}\n`)
  if (terminal.env.GITLORE_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
    terminal.stderr(`${error.stack}\n`)
  }
  return exitCodes.failure
}

/** An error is one line, whatever text (a server's, a model's) it carries. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
