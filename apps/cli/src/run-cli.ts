import { enableCompileCache } from 'node:module'
import { main } from './main.js'
import { processTerminal } from './terminal.js'

/** Runs the CLI for this process: arguments from argv, SIGINT aborts, the exit code set on the process. */
export async function runCli(): Promise<void> {
  enableCompileCache?.()
  const controller = new AbortController()
  process.once('SIGINT', () => {
    controller.abort()
    // A second Ctrl-C stops at once.
    process.once('SIGINT', () => process.exit(130))
  })
  process.exitCode = await main(process.argv.slice(2), processTerminal(), controller.signal)
}
