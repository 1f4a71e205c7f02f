import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Terminal } from './terminal.js'

/**
 * A terminal that records what a command writes, for running the CLI in-process in tests. Its
 * user configuration directory (XDG_CONFIG_HOME) is a fresh empty one, so no test reads the real
 * user's gitlore.toml, .env or trust records.
 */
export function captureTerminal(cwd: string): Terminal & { readonly output: { stdout: string; stderr: string } } {
  const output = { stdout: '', stderr: '' }
  return {
    output,
    stdout: (text) => {
      output.stdout += text
    },
    stderr: (text) => {
      output.stderr += text
    },
    interactive: false,
    env: { PATH: process.env.PATH, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'gitlore-user-config-')) },
    cwd,
  }
}

/** Writes the user's own gitlore.toml for `terminal`: where user-only keys (URLs, paths) are honoured. */
export function writeUserConfig(terminal: Terminal, toml: string): void {
  const directory = join(terminal.env.XDG_CONFIG_HOME as string, 'gitlore')
  mkdirSync(directory, { recursive: true })
  writeFileSync(join(directory, 'gitlore.toml'), toml)
}
