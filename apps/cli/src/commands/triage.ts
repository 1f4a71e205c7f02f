import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PathNotFoundError, UsageError } from '@gitlore/core'
import type { CommandInput } from '../main.js'
import { Progress } from '../progress.js'
import { renderEvents } from '../render-events.js'
import { exitCodes } from '../terminal.js'
import { configOverrides, repositoryOptions } from './options.js'

/** The most of a log file read: its end, where the failures are. */
const maxLogBytes = 16 * 1024 * 1024

/** The end of a regular file (at most `maxLogBytes`), as text. */
async function readLogFile(path: string): Promise<string> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new PathNotFoundError(path, 'log file')
    throw new UsageError(`cannot read the log file ${path}: ${error.message}`)
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new UsageError(`${path} is not a regular file: pass --logs with a saved CI log`)
    const length = Math.min(info.size, maxLogBytes)
    const buffer = Buffer.alloc(length)
    await handle.read(buffer, 0, length, info.size - length)
    return buffer.toString('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * `gitlore triage <run-url> | --logs FILE [--json]`: a reproduce-and-fix brief for one failed run,
 * as markdown, or with --json the info.json object (and nothing else on stdout).
 */
export async function runTriage({ flags, positionals, terminal, signal }: CommandInput): Promise<number> {
  const logs = typeof flags.logs === 'string' ? flags.logs : undefined
  const runUrl = positionals[0]
  if ((logs === undefined) === (runUrl === undefined)) {
    throw new UsageError('give either a run address (https://github.com/OWNER/REPO/actions/runs/ID) or --logs FILE')
  }
  const logText = logs === undefined ? undefined : await readLogFile(resolve(terminal.cwd, logs))
  const { triageRun } = await import('@gitlore/pipeline')
  const progress = new Progress(terminal)
  const result = await triageRun({
    ...repositoryOptions(flags, terminal),
    config: configOverrides(flags),
    offline: flags.offline === true,
    ...(runUrl === undefined ? {} : { runUrl }),
    ...(logText === undefined ? {} : { logText }),
    signal,
    onEvent: renderEvents(progress, terminal),
  })
  terminal.stdout(flags.json === true ? `${JSON.stringify(result.info, null, 2)}\n` : result.markdown)
  return result.stages.some((stage) => stage.status !== 'ok') ? exitCodes.degraded : exitCodes.ok
}
