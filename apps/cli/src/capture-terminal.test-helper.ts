import type { Terminal } from './terminal.js'

/** A terminal that records what a command writes, for running the CLI in-process in tests. */
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
    env: { PATH: process.env.PATH },
    cwd,
  }
}
