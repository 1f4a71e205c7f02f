import type { Terminal } from './terminal.js'

/** One stage's progress on stderr: redrawn in place on a terminal, one line per stage otherwise. */
export class Progress {
  private lastDraw = 0
  private drawn = false
  private stage: { readonly name: string; readonly started: number } | undefined
  /** Every permanent line written, for the log file. */
  readonly lines: string[] = []

  constructor(private readonly terminal: Terminal) {}

  /** Reports `done` of `total` items of a stage; throttled to ten redraws a second. */
  update(stage: string, done: number, total?: number): void {
    if (!this.terminal.interactive) return
    const now = Date.now()
    if (this.stage?.name !== stage) this.stage = { name: stage, started: now }
    if (now - this.lastDraw < 100 && done !== total) return
    this.lastDraw = now
    const count = total === undefined ? `${done}` : `${done}/${total}`
    this.terminal.stderr(`\r\x1b[2K${stage}: ${count}${eta(now - this.stage.started, done, total)}`)
    this.drawn = true
  }

  /** Ends a stage with a permanent line. */
  done(line: string): void {
    this.lines.push(line)
    this.clear()
    this.terminal.stderr(`${line}\n`)
  }

  /** A note or warning, on its own line. */
  note(line: string): void {
    this.lines.push(line)
    this.clear()
    this.terminal.stderr(`${line}\n`)
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
