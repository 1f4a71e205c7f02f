import { enableCompileCache } from 'node:module'
import { main } from './main.js'
import { exitCodes, processTerminal } from './terminal.js'

/** Runs the CLI for this process: arguments from argv, SIGINT aborts, the exit code set on the process. */
export async function runCli(): Promise<void> {
  enableCompileCache?.()
  const controller = new AbortController()
  process.once('SIGINT', () => {
    controller.abort()
    // A second Ctrl-C stops at once.
    process.once('SIGINT', () => process.exit(130))
  })
  // Standard output going away is not a crash: a reader that stopped (`gitlore runs | head -1`,
  // EPIPE) ends the output quietly; a write that fails (a full disk, ENOSPC) is one line and exit 1.
  let stdoutFailed = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutFailed) return
    stdoutFailed = true
    if (error.code === 'EPIPE') return
    const reason = error.code === 'ENOSPC' ? 'no space left on the device' : (error.code ?? error.message)
    process.stderr.write(`gitlore: cannot write to standard output: ${reason}\n`)
    process.exitCode = exitCodes.failure
  })
  const terminal = processTerminal()
  const code = await main(
    process.argv.slice(2),
    { ...terminal, stdout: (text) => stdoutFailed || terminal.stdout(text) },
    controller.signal,
  )
  process.exitCode = stdoutFailed && process.exitCode === exitCodes.failure ? exitCodes.failure : code
}
