import { execFile, spawn } from 'node:child_process'
import { gitEnvironment } from './git-environment.js'
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

interface ExecFailure extends Error {
  code?: number | string
  killed?: boolean
}

const timeoutMessage = (timeoutMs: number) => `git took longer than ${timeoutMs} ms; narrow the request`

/**
 * Runs the git binary in `root` with an argument array (never a shell), no pager and the
 * environment of `gitEnvironment` (no external helpers). Callers put `--` before paths and never
 * pass model text where git would read it as an option.
 */
export async function runGit(root: string, args: readonly string[], options: RunGitOptions): Promise<GitOutput> {
  const env = await gitEnvironment(root)
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--no-pager', ...args],
      {
        cwd: root,
        env,
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
          reject(new ToolInputError(timeoutMessage(options.timeoutMs)))
          return
        }
        const message = stderr.toString('utf8').trim().split('\n')[0] ?? ''
        reject(new ToolInputError(`git failed: ${message === '' ? failure.message : message}`))
      },
    )
  })
}

/** Options of `streamGit`. */
export interface StreamGitOptions {
  /** Milliseconds the command may run. */
  readonly timeoutMs: number
  /** Exit codes that are answers rather than failures. */
  readonly okExitCodes?: readonly number[]
  readonly signal?: AbortSignal | undefined
  /** Called with each piece of output; return `false` to stop the command (the rest is not needed). */
  readonly onData: (chunk: Buffer) => boolean | undefined
}

/**
 * Runs git like `runGit` but hands its output over as it comes, holding none of it: callers
 * parse and count as they go, so a listing of any size costs bounded memory and its counts come
 * from everything git printed, not from a cut buffer. Resolves with whether the caller stopped it.
 */
export async function streamGit(
  root: string,
  args: readonly string[],
  options: StreamGitOptions,
): Promise<{ readonly stopped: boolean; readonly exitCode: number }> {
  const env = await gitEnvironment(root)
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', ...args], {
      cwd: root,
      env,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })
    let stopped = false
    let timedOut = false
    let stderr = ''
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped) return
      if (options.onData(chunk) === false) {
        stopped = true
        child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8')
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error.name === 'AbortError' ? (options.signal?.reason ?? error) : error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (stopped) resolve({ stopped: true, exitCode: 0 })
      else if (timedOut) reject(new ToolInputError(timeoutMessage(options.timeoutMs)))
      else if (code === 0 || (code !== null && (options.okExitCodes ?? []).includes(code))) {
        resolve({ stopped: false, exitCode: code })
      } else {
        const message = stderr.trim().split('\n')[0] ?? ''
        reject(new ToolInputError(`git failed: ${message === '' ? `exit code ${code}` : message}`))
      }
    })
  })
}
