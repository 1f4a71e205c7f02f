import type { ServerResponse } from 'node:http'
import { estimateTokens } from './estimate-tokens.js'
import { hashedEmbedding } from './hashed-embedding.js'
import type { RecordedRequest } from './recorded-request.js'
import type { EmbeddingsReply, FaultReply, MessageReply } from './replies.js'

const created = 1_700_000_000

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/** Answers with a fault; `hang` leaves the response open. */
export function writeFault(response: ServerResponse, fault: FaultReply): void {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = {}
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs)
      const message = fault.message ?? `scripted status ${fault.status}`
      sendJson(response, fault.status, { error: { message, type: 'scripted_fault', code: fault.status } }, headers)
      return
    }
    case 'hang':
      return
    case 'empty':
      // Handled by the callers, which know the request's shape.
      return
    case 'malformed':
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"id": "chatcmpl-broken", "choices": [')
      return
    case 'disconnect':
      response.socket?.destroy()
      return
  }
}

interface ChatChoice {
  readonly text: string | null
  readonly reasoning: string | undefined
  readonly toolCalls: readonly { id: string; type: 'function'; function: { name: string; arguments: string } }[]
  readonly finishReason: string
  readonly usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
}

function choiceOf(request: RecordedRequest, reply: MessageReply | { kind: 'empty' }): ChatChoice {
  const message = reply.kind === 'message' ? reply : undefined
  const text = message === undefined ? null : (message.text ?? '')
  const toolCalls = (message?.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${request.index}_${index}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }))
  const promptTokens = message?.usage?.promptTokens ?? request.promptTokens
  const completionTokens =
    message?.usage?.completionTokens ??
    estimateTokens(
      (text ?? '') + (message?.reasoning ?? '') + toolCalls.map((call) => call.function.arguments).join(''),
    )
  return {
    text,
    reasoning: message?.reasoning,
    toolCalls,
    finishReason: message?.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  }
}

/** Answers a chat request, as one JSON body or as server-sent events when the request asked to stream. */
export function writeChat(
  response: ServerResponse,
  request: RecordedRequest,
  reply: MessageReply | { kind: 'empty' },
): void {
  const choice = choiceOf(request, reply)
  const id = `chatcmpl-${request.index}`
  const model = request.model ?? 'loopback'
  if (!request.stream) {
    sendJson(response, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: choice.text,
            ...(choice.reasoning === undefined ? {} : { reasoning_content: choice.reasoning }),
            ...(choice.toolCalls.length === 0 ? {} : { tool_calls: choice.toolCalls }),
          },
          finish_reason: choice.finishReason,
        },
      ],
      usage: choice.usage,
    })
    return
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const send = (delta: Record<string, unknown>, finishReason: string | null = null): void => {
    const chunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    }
    response.write(`data: ${JSON.stringify(chunk)}\n\n`)
  }
  send({ role: 'assistant', content: '' })
  if (choice.reasoning !== undefined) send({ reasoning_content: choice.reasoning })
  for (const piece of (choice.text ?? '').match(/[\s\S]{1,24}/g) ?? []) send({ content: piece })
  choice.toolCalls.forEach((call, index) => {
    send({ tool_calls: [{ index, ...call }] })
  })
  send({}, choice.finishReason)
  const options = request.body as { stream_options?: { include_usage?: boolean } } | null
  if (options?.stream_options?.include_usage === true) {
    const chunk = { id, object: 'chat.completion.chunk', created, model, choices: [], usage: choice.usage }
    response.write(`data: ${JSON.stringify(chunk)}\n\n`)
  }
  response.end('data: [DONE]\n\n')
}

/** Answers an embeddings request with `reply`'s vectors, or hashed ones of `dimensions` (or the request's `dimensions`). */
export function writeEmbeddings(
  response: ServerResponse,
  request: RecordedRequest,
  reply: EmbeddingsReply | null,
  dimensions: number,
): void {
  const fields = (request.body ?? {}) as { dimensions?: unknown; encoding_format?: unknown }
  const size = typeof fields.dimensions === 'number' ? fields.dimensions : dimensions
  const vectors = reply?.vectors ?? request.inputs.map((input) => hashedEmbedding(input, size))
  const encode = (vector: readonly number[]): number[] | string =>
    fields.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : [...vector]
  sendJson(response, 200, {
    object: 'list',
    model: request.model ?? 'loopback',
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: encode(vector) })),
    usage: { prompt_tokens: request.promptTokens, total_tokens: request.promptTokens },
  })
}
