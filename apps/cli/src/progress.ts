import type { Terminal } from './terminal.js'

/** Options of `Progress`. */
export interface ProgressOptions {
  /**
   * When stderr is not a terminal: the longest silence while a stage runs; a `…` line then says
   * where it is (and how long nothing moved), so a CI log shows a long wait is a wait. Default 5000 ms.
   */
  readonly heartbeatMs?: number
}

/**
 * One stage's progress on stderr: redrawn in place on a terminal; otherwise permanent lines only,
 * plus a `…` line whenever a stage has run `heartbeatMs` without one.
 */
export class Progress {
  private lastDraw = 0
  private drawn = false
  private stage: { readonly name: string; readonly started: number } | undefined
  /** The latest count of the running stage and when it changed (non-interactive heartbeat). */
  private latest: { readonly count: string; readonly changed: number } | undefined
  private lastLine = Date.now()
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly heartbeatMs: number
  /** Every permanent line written, for the log file. */
  readonly lines: string[] = []

  constructor(
    private readonly terminal: Terminal,
    options: ProgressOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 5000
  }

  /** Reports `done` of `total` items of a stage; throttled to ten redraws a second. */
  update(stage: string, done: number, total?: number): void {
    const now = Date.now()
    // A label may carry running counts after a colon ("GitHub octo/hello: 120 PRs"): still one stage.
    const previous = this.stage
    const started =
      previous !== undefined && previous.name.split(':')[0] === stage.split(':')[0] ? previous.started : now
    this.stage = { name: stage, started }
    const count = total === undefined ? `${done}` : `${done}/${total}`
    if (!this.terminal.interactive) {
      if (this.latest?.count !== count) this.latest = { count, changed: now }
      this.startHeartbeat()
      if (now - this.lastLine >= this.heartbeatMs) this.beat(now)
      return
    }
    if (now - this.lastDraw < 100 && done !== total) return
    this.lastDraw = now
    this.terminal.stderr(`\r\x1b[2K${stage}: ${count}${eta(now - this.stage.started, done, total)}`)
    this.drawn = true
  }

  /** Ends a stage with a permanent line. */
  done(line: string): void {
    this.stage = undefined
    this.latest = undefined
    this.write(line)
  }

  /** A note or warning, on its own line. */
  note(line: string): void {
    this.write(line)
  }

  /** Stops the heartbeat; call when the command ends. */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
  }

  private write(line: string): void {
    this.lines.push(line)
    this.clear()
    this.terminal.stderr(`${line}\n`)
    this.lastLine = Date.now()
  }

  private startHeartbeat(): void {
    if (this.timer !== undefined) return
    this.timer = setInterval(
      () => {
        const now = Date.now()
        if (now - this.lastLine >= this.heartbeatMs) this.beat(now)
      },
      Math.max(50, Math.floor(this.heartbeatMs / 5)),
    )
    // The heartbeat never keeps the process alive on its own.
    this.timer.unref?.()
  }

  /** `… classifying comments: 40/200 (25 s in; nothing new for 10 s)`: where a silent stage is. */
  private beat(now: number): void {
    if (this.stage === undefined || this.latest === undefined) return
    const seconds = (ms: number) => `${Math.round(ms / 1000)} s`
    const quiet = now - this.latest.changed
    this.terminal.stderr(
      `… ${this.stage.name}: ${this.latest.count} (${seconds(now - this.stage.started)} in${quiet >= this.heartbeatMs ? `; nothing new for ${seconds(quiet)}` : ''})\n`,
    )
    this.lastLine = now
  }

  private clear(): void {
    if (this.drawn) this.terminal.stderr('\r\x1b[2K')
    this.drawn = false
  }
}

/** `, about 12 s left` once a stage has run long enough for its rate to mean something. */
function eta(elapsedMs: number, done: number, total: number | undefined): string {
  if (total === undefined || done === 0 || done >= total || elapsedMs < 2000) return ''
  const seconds = Math.ceil(((elapsedMs / done) * (total - done)) / 1000)
  return seconds >= 90 ? `, about ${Math.ceil(seconds / 60)} min left` : `, about ${seconds} s left`
}
