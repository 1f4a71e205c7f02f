import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describeRequest, type RecordedRequest } from './recorded-request.js'
import type { ChatReply, EmbeddingReply } from './replies.js'
import { writeChat, writeEmbeddings, writeFault } from './write-reply.js'

/** Decides the answer to a chat request. */
export type ChatHandler = (request: RecordedRequest) => ChatReply | Promise<ChatReply>
/** Decides the answer to an embeddings request; `null` means hashed vectors. */
export type EmbeddingHandler = (request: RecordedRequest) => EmbeddingReply | null | Promise<EmbeddingReply | null>

/** Options of `startLoopbackModelServer`. */
export interface LoopbackModelServerOptions {
  /** Milliseconds every request waits before it is answered; default 0. */
  readonly latencyMs?: number
  /** Answers chat requests that no queued reply covers; default: the text `ok`. */
  readonly chat?: ChatHandler
  /** Answers embeddings requests that no queued reply covers; default: hashed vectors. */
  readonly embeddings?: EmbeddingHandler
  /** Size of hashed vectors when the request names no `dimensions`; default 32. */
  readonly embeddingDimensions?: number
  /** The only key accepted (`Authorization: Bearer <key>`); a request without it gets a 401. Default: no key needed. */
  readonly apiKey?: string
  /** The only model ids served; a request for another gets a 404 "model not found", as Ollama and vLLM answer. Default: any. */
  readonly models?: readonly string[]
}

/**
 * A model base URL where nothing listens, so every connection is refused at once: port 2 on loopback,
 * below the ports a test's server is given and not one fetch refuses to try. The port of a server the
 * test closed is not safe for this: a test running in parallel may be given it and leave requests hanging.
 */
export const refusingModelUrl = 'http://127.0.0.1:2/v1'

/** An OpenAI-compatible server on 127.0.0.1 that scripts answers and faults and records every request. */
export interface LoopbackModelServer {
  /** Base URL including `/v1`, for `[providers.compatible] base_url` or a provider's `baseURL`. */
  readonly url: string
  /** Every request received so far, in arrival order. */
  readonly requests: readonly RecordedRequest[]
  /** Queues replies for the next chat requests, before the handler is asked. */
  enqueue(...replies: readonly ChatReply[]): void
  /** Queues replies for the next embeddings requests, before the handler is asked. */
  enqueueEmbeddings(...replies: readonly EmbeddingReply[]): void
  /** Replaces the chat handler. */
  onChat(handler: ChatHandler): void
  /** Replaces the embeddings handler. */
  onEmbeddings(handler: EmbeddingHandler): void
  /** Forgets recorded requests and queued replies. */
  reset(): void
  /** Stops the server, dropping open (hanging) requests. */
  close(): Promise<void>
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const parts: Buffer[] = []
  for await (const part of request) parts.push(part as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

/** Resolves after `ms`, or early (false) when the client goes away first. */
function wait(ms: number, response: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!response.destroyed)
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      response.off('close', onClose)
      resolve(true)
    }, ms)
    response.once('close', onClose)
  })
}

const headersOf = (request: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  )

/** Starts the server on a free port of 127.0.0.1. */
export async function startLoopbackModelServer(options: LoopbackModelServerOptions = {}): Promise<LoopbackModelServer> {
  const requests: RecordedRequest[] = []
  let chatQueue: ChatReply[] = []
  let embeddingQueue: EmbeddingReply[] = []
  let chat: ChatHandler = options.chat ?? (() => ({ kind: 'message', text: 'ok' }))
  let embeddings: EmbeddingHandler = options.embeddings ?? (() => null)
  const dimensions = options.embeddingDimensions ?? 32

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(incoming)
    const path = (incoming.url ?? '/').replace(/\?.*$/, '').replace(/^\/v1(?=\/)/, '')
    const request = describeRequest(requests.length, incoming.method ?? 'GET', path, headersOf(incoming), raw)
    requests.push(request)
    if (!(await wait(options.latencyMs ?? 0, response))) return
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      writeFault(response, { kind: 'status', status: 401, message: 'Incorrect API key provided: sk-lo***back.' })
      return
    }
    if (options.models !== undefined && request.model !== null && !options.models.includes(request.model)) {
      writeFault(response, {
        kind: 'status',
        status: 404,
        message: `model "${request.model}" not found, try pulling it first`,
      })
      return
    }
    if (request.endpoint === 'chat' && request.method === 'POST') {
      const reply = chatQueue.shift() ?? (await chat(request))
      if (response.destroyed) return
      if (reply.kind === 'message' || reply.kind === 'empty') writeChat(response, request, reply)
      else writeFault(response, reply)
      return
    }
    if (request.endpoint === 'embeddings' && request.method === 'POST') {
      const reply = embeddingQueue.shift() ?? (await embeddings(request))
      if (response.destroyed) return
      if (reply === null || reply.kind === 'embeddings') writeEmbeddings(response, request, reply, dimensions)
      else if (reply.kind === 'empty')
        writeEmbeddings(response, request, { kind: 'embeddings', vectors: [] }, dimensions)
      else writeFault(response, reply)
      return
    }
    writeFault(response, { kind: 'status', status: 404, message: `no route for ${request.method} ${path}` })
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) {
        writeFault(response, { kind: 'status', status: 500, message: `handler failed: ${String(error)}` })
      } else {
        response.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => {
      chatQueue.push(...replies)
    },
    enqueueEmbeddings: (...replies) => {
      embeddingQueue.push(...replies)
    },
    onChat: (handler) => {
      chat = handler
    },
    onEmbeddings: (handler) => {
      embeddings = handler
    },
    reset: () => {
      requests.length = 0
      chatQueue = []
      embeddingQueue = []
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}
