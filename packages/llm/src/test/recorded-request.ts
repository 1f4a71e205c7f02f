import { estimateTokens } from './estimate-tokens.js'

/** One chat message as the server read it, its content flattened to text. */
export interface RecordedMessage {
  readonly role: string
  readonly content: string
}

/** A request the loopback server received, in arrival order. */
export interface RecordedRequest {
  /** 0-based arrival index. */
  readonly index: number
  /** `chat` for `/chat/completions`, `embeddings` for `/embeddings`. */
  readonly endpoint: 'chat' | 'embeddings' | 'other'
  readonly method: string
  /** The path after the `/v1` prefix, e.g. `/chat/completions`. */
  readonly path: string
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>
  /** The parsed JSON body (the raw text when it was not JSON). */
  readonly body: unknown
  readonly model: string | null
  /** Whether a streamed (server-sent events) answer was asked for. */
  readonly stream: boolean
  /** The `tool_choice` asked for (`auto`, `required`, `none`, or a named function as JSON); null when absent. */
  readonly toolChoice: string | null
  /** Chat messages (empty for embeddings). */
  readonly messages: readonly RecordedMessage[]
  /** Embedding inputs (empty for chat). */
  readonly inputs: readonly string[]
  /** Every message's content (or every input) joined by newlines. */
  readonly promptText: string
  /** `promptText` in estimated tokens, which is what the server reports as prompt usage. */
  readonly promptTokens: number
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    return content.map((part) => (typeof record(part).text === 'string' ? (record(part).text as string) : '')).join('')
  }
  return ''
}

/** Reads what a handler needs out of a request body. */
export function describeRequest(
  index: number,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  raw: string,
): RecordedRequest {
  let body: unknown = raw
  try {
    body = raw === '' ? null : JSON.parse(raw)
  } catch {
    // Kept as text: a handler can still look at it.
  }
  const fields = record(body)
  const endpoint = path.endsWith('/chat/completions') ? 'chat' : path.endsWith('/embeddings') ? 'embeddings' : 'other'
  const messages = Array.isArray(fields.messages)
    ? fields.messages.map((message) => ({
        role: String(record(message).role ?? ''),
        content: contentText(record(message).content),
      }))
    : []
  const inputs =
    endpoint !== 'embeddings'
      ? []
      : typeof fields.input === 'string'
        ? [fields.input]
        : Array.isArray(fields.input)
          ? fields.input.map(String)
          : []
  const promptText = endpoint === 'chat' ? messages.map((message) => message.content).join('\n') : inputs.join('\n')
  return {
    index,
    endpoint,
    method,
    path,
    headers,
    body,
    model: typeof fields.model === 'string' ? fields.model : null,
    stream: fields.stream === true,
    toolChoice:
      fields.tool_choice === undefined
        ? null
        : typeof fields.tool_choice === 'string'
          ? fields.tool_choice
          : JSON.stringify(fields.tool_choice),
    messages,
    inputs,
    promptText,
    promptTokens: estimateTokens(promptText),
  }
}
