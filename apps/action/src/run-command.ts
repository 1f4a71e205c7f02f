import { spawn } from 'node:child_process'

/** How a command ended, with what it wrote to stdout (stderr goes to the log as it comes). */
export interface CommandResult {
  readonly code: number
  readonly stdout: string
}

/**
 * Runs a program without a shell, passing its stderr through to `log` line by line, and resolves with
 * its exit code and stdout. A program that cannot start resolves with code 127.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly log: (line: string) => void },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8')
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) options.log(line)
    })
    child.on('error', (error) => {
      options.log(`${command}: ${error.message}`)
      resolve({ code: 127, stdout })
    })
    child.on('close', (code) => {
      if (pending !== '') options.log(pending)
      resolve({ code: code ?? 1, stdout })
    })
  })
}
