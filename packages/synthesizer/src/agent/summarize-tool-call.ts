/** A short human-readable form of a tool call's arguments, for one terminal line. */
export function summarizeToolCall(tool: string, input: unknown): string {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}
  const text = (key: string): string | undefined => {
    const value = fields[key]
    return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined
  }
  const range = (path: string | undefined): string => {
    const start = text('startLine')
    const end = text('endLine')
    const where = path ?? '?'
    return start === undefined && end === undefined ? where : `${where}:${start ?? '1'}-${end ?? ''}`
  }
  const parts = (entries: readonly (readonly [string, string | undefined])[]): string =>
    entries
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .map(([key, value]) => (key === '' ? value : `${key}=${value}`))
      .join(' ')
  let summary: string
  switch (tool) {
    case 'list_tree':
      summary = `${text('path') ?? '.'}${text('depth') === undefined ? '' : ` depth ${text('depth')}`}`
      break
    case 'read_file':
    case 'blame':
      summary = range(text('path'))
      break
    case 'grep':
      summary = `${JSON.stringify(text('pattern') ?? '')}${text('path') === undefined ? '' : ` in ${text('path')}`}`
      break
    case 'file_history':
      summary = text('path') ?? '?'
      break
    case 'show_commit':
      summary = parts([
        ['', (text('commit') ?? '?').slice(0, 12)],
        ['', text('path')],
      ])
      break
    case 'search_commits':
      summary = parts([
        ['', text('query') === undefined ? undefined : JSON.stringify(text('query'))],
        ['author', text('author')],
        ['path', text('path')],
      ])
      break
    case 'review_comments':
      summary = parts(['file', 'category', 'cluster', 'author', 'pr', 'text'].map((key) => [key, text(key)] as const))
      break
    default:
      summary = JSON.stringify(input) ?? ''
  }
  const line = summary.replace(/\s+/g, ' ').trim()
  return line.length > 100 ? `${line.slice(0, 99)}…` : line
}
