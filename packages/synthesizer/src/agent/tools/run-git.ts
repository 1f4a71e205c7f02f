import { execFile } from 'node:child_process'
import { ToolInputError } from './tool-input-error.js'

/** What a git command printed, cut at the byte limit. */
export interface GitOutput {
  readonly stdout: string
  /** True when the output went past `maxBytes` and the rest was dropped. */
  readonly truncated: boolean
  readonly exitCode: number
}

/** Options of `runGit`. */
export interface RunGitOptions {
  /** Bytes of output kept; the command is stopped past that. */
  readonly maxBytes: number
  /** Milliseconds the command may run. */
  readonly timeoutMs: number
  /** Exit codes that are answers rather than failures (git grep exits 1 for "no match"). */
  readonly okExitCodes?: readonly number[]
  readonly signal?: AbortSignal | undefined
}

/**
 * Settings that keep every git command read-only and local whatever the user's configuration:
 * no pager, no file-system monitor hook, no transport at all (so a partial clone cannot fetch),
 * no colour, paths printed as they are.
 */
const safetyArguments = [
  '--no-pager',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'protocol.allow=never',
  '-c',
  'color.ui=false',
  '-c',
  'log.showSignature=false',
]

function gitEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {}
  // GIT_DIR, GIT_WORK_TREE and friends from the caller's shell must not redirect the tools.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) environment[name] = value
  return {
    ...environment,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_PAGER: 'cat',
  }
}

interface ExecFailure extends Error {
  code?: number | string
  killed?: boolean
}

/**
 * Runs the git binary in `root` with an argument array (never a shell). Callers put `--` before
 * paths and never pass model text where git would read it as an option.
 */
export function runGit(root: string, args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...safetyArguments, ...args],
      {
        cwd: root,
        env: gitEnvironment(),
        encoding: 'buffer',
        maxBuffer: options.maxBytes,
        timeout: options.timeoutMs,
        windowsHide: true,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      (error, stdout, stderr) => {
        const text = stdout.toString('utf8')
        if (error === null) {
          resolve({ stdout: text, truncated: false, exitCode: 0 })
          return
        }
        const failure = error as ExecFailure
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          resolve({ stdout: text, truncated: true, exitCode: 0 })
          return
        }
        if (failure.name === 'AbortError') {
          reject(options.signal?.reason ?? failure)
          return
        }
        if (typeof failure.code === 'number' && (options.okExitCodes ?? []).includes(failure.code)) {
          resolve({ stdout: text, truncated: false, exitCode: failure.code })
          return
        }
        if (failure.killed === true) {
          reject(new ToolInputError(`git took longer than ${options.timeoutMs} ms; narrow the request`))
          return
        }
        const message = stderr.toString('utf8').trim().split('\n')[0] ?? ''
        reject(new ToolInputError(`git failed: ${message === '' ? failure.message : message}`))
      },
    )
  })
}
