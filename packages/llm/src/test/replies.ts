/** A tool call a scripted chat answer makes. */
export interface ScriptedToolCall {
  /** Call id; default `call_<n>`. */
  readonly id?: string
  readonly name: string
  /** The arguments, as an object or as the raw JSON string the model would send. */
  readonly arguments: string | Readonly<Record<string, unknown>>
}

/** A chat completion the server sends back, non-streaming or as server-sent events. */
export interface MessageReply {
  readonly kind: 'message'
  /** The assistant's text; default empty. */
  readonly text?: string
  /** Reasoning text, sent as `reasoning_content` (the field vLLM and DeepSeek use). */
  readonly reasoning?: string
  readonly toolCalls?: readonly ScriptedToolCall[]
  /** Default `stop`, or `tool_calls` when there are tool calls. */
  readonly finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter'
  /** Usage to report; default: estimated from the prompt and the answer (4 characters a token). */
  readonly usage?: { readonly promptTokens?: number; readonly completionTokens?: number }
}

/** Vectors the server sends back for an embeddings request, one per input. */
export interface EmbeddingsReply {
  readonly kind: 'embeddings'
  readonly vectors: readonly (readonly number[])[]
}

/** A fault instead of an answer. */
export type FaultReply =
  /** An HTTP error status (429, 500, ...) with an OpenAI-style error body and optional retry headers. */
  | {
      readonly kind: 'status'
      readonly status: number
      /** Sent as `retry-after` (seconds). */
      readonly retryAfterSeconds?: number
      /** Sent as `retry-after-ms`. */
      readonly retryAfterMs?: number
      readonly message?: string
    }
  /** Never answers: the request stays open until the client gives up or the server closes. */
  | { readonly kind: 'hang' }
  /** A 200 whose message has no content at all (`content: null`). */
  | { readonly kind: 'empty' }
  /** A 200 whose body is not JSON. */
  | { readonly kind: 'malformed' }
  /** Drops the connection without an answer. */
  | { readonly kind: 'disconnect' }

/** What a chat request gets. */
export type ChatReply = MessageReply | FaultReply
/** What an embeddings request gets. */
export type EmbeddingReply = EmbeddingsReply | FaultReply
