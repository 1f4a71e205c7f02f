/** Where a command writes: injectable so tests can capture output without a child process. */
export interface Terminal {
  /** Machine-readable output (reports with --dry-run, JSON with --json). */
  readonly stdout: (text: string) => void
  /** Progress, notes, warnings and errors. */
  readonly stderr: (text: string) => void
  /** Whether stderr is an interactive terminal (progress lines redraw in place). */
  readonly interactive: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
}

export function processTerminal(): Terminal {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
    env: process.env,
    // `pnpm gitlore` runs from the workspace root; INIT_CWD is where the user typed the command.
    cwd: process.env.npm_lifecycle_event === 'gitlore' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd(),
  }
}

/** Exit codes, as ARCHITECTURE.md documents them. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  degraded: 3,
  interrupted: 130,
} as const
