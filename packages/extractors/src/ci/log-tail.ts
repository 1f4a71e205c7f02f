/** How much of a failing step's log is kept. */
export interface LogTailLimits {
  /** Lines kept from the end of the failing step; default 200. */
  readonly maxLines: number
  /** Bytes (UTF-8) kept at most; default 32,768. */
  readonly maxBytes: number
  /** Bytes read from the log host at most before the rest is skipped; default 64 MiB. */
  readonly maxDownloadBytes: number
}

export const defaultLogTailLimits: LogTailLimits = {
  maxLines: 200,
  maxBytes: 32_768,
  maxDownloadBytes: 64 * 1024 * 1024,
}

/** The tail of one step's output. */
export interface LogTail {
  readonly tail: string
  /** True when the step printed more than the tail holds (or the download was cut at `maxDownloadBytes`). */
  readonly truncated: boolean
  /** False when no line carried a timestamp inside the step's time span, so the tail is the whole log's. */
  readonly matchedStep: boolean
}

const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z ?/
// ANSI escape sequences and other control characters (tab kept): log text is data for terminals and reports.
const controls = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g

function timeOf(match: RegExpExecArray): number {
  const fraction = (match[2] ?? '.0').slice(0, 4).padEnd(4, '0')
  return Date.parse(`${match[1]}${fraction}Z`)
}

/** Keeps the last `limit` items pushed. */
class Tail {
  items: string[] = []
  constructor(readonly limit: number) {}
  push(item: string) {
    this.items.push(item)
    if (this.items.length > this.limit * 2) this.items = this.items.slice(-this.limit)
  }
  lines(): { lines: string[]; cut: boolean } {
    const cut = this.items.length > this.limit
    return { lines: cut ? this.items.slice(-this.limit) : this.items, cut }
  }
}

async function* linesOf(body: AsyncIterable<Uint8Array> | string, maxBytes: number) {
  if (typeof body === 'string') {
    yield* body.split(/\r?\n/)
    return { cut: false }
  }
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let pending = ''
  let read = 0
  for await (const chunk of body) {
    read += chunk.byteLength
    pending += decoder.decode(chunk, { stream: true })
    const parts = pending.split(/\r?\n/)
    pending = parts.pop() ?? ''
    yield* parts
    if (read >= maxBytes) return { cut: true }
  }
  pending += decoder.decode()
  if (pending !== '') yield pending
  return { cut: false }
}

/**
 * Reads a job log (GitHub's format: each line starts with an ISO timestamp) and keeps the last lines
 * of the step that ran in `[start, end)` (milliseconds), without timestamps, group markers or control
 * characters, within `limits`. Without a step span, or when no line falls inside it, it keeps the end
 * of the whole log.
 */
export async function readLogTail(
  body: AsyncIterable<Uint8Array> | string,
  span: { readonly start: number; readonly end: number } | null,
  limits: LogTailLimits = defaultLogTailLimits,
): Promise<LogTail> {
  const inStep = new Tail(limits.maxLines)
  const whole = new Tail(limits.maxLines)
  let inside = false
  let matched = 0
  const lines = linesOf(body, limits.maxDownloadBytes)
  let next = await lines.next()
  while (!next.done) {
    const raw = next.value
    const match = stamp.exec(raw)
    if (match !== null) {
      const time = timeOf(match)
      inside = span !== null && time >= span.start && time < span.end
    }
    const text = (match === null ? raw : raw.slice(match[0].length)).replace(controls, '')
    if (!/^##\[(end)?group\]/.test(text)) {
      whole.push(text)
      if (inside) {
        inStep.push(text)
        matched++
      }
    }
    next = await lines.next()
  }
  const downloadCut = next.value?.cut === true
  const chosen = matched > 0 ? inStep.lines() : whole.lines()
  const kept = [...chosen.lines]
  while (kept.length > 1 && Buffer.byteLength(kept.join('\n')) > limits.maxBytes) kept.shift()
  let tail = kept.join('\n').replace(/\n+$/, '')
  let cut = chosen.cut || kept.length < chosen.lines.length || downloadCut
  if (Buffer.byteLength(tail) > limits.maxBytes) {
    tail = Buffer.from(tail)
      .subarray(-limits.maxBytes)
      .toString('utf8')
      .replace(/^\uFFFD+/, '')
    cut = true
  }
  return { tail, truncated: cut, matchedStep: matched > 0 }
}
