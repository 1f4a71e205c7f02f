import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hashedTermVector } from '../offline/offline-embedder.js'

/** One request the server received. */
export interface EmbeddingsRequest {
  readonly model: string
  readonly input: readonly string[]
  readonly dimensions: number | undefined
}

/** Options of the loopback server. */
export interface EmbeddingsServerOptions {
  /** Vector length when a request asks for none (the model's "native" length). Default 24. */
  readonly nativeDimensions?: number
  /** Answers request number `index` (0-based) with this HTTP status instead of vectors, if it returns one. */
  readonly fail?: (index: number, request: EmbeddingsRequest) => number | undefined
  /** Milliseconds each successful answer waits (failures answer at once), so parallel requests overlap. Default 5. */
  readonly delay?: number
  /** Answers with vectors of this length whatever was asked (a model that ignores `dimensions`). */
  readonly forceDimensions?: number
}

/** A running loopback server speaking OpenAI's `/v1/embeddings`. */
export interface EmbeddingsServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string
  readonly requests: EmbeddingsRequest[]
  /** Most requests that were in flight at once. */
  readonly peakConcurrency: number
  close(): Promise<void>
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
}

/**
 * Starts an OpenAI-compatible embeddings server on 127.0.0.1 with a free port. Vectors are the offline
 * embedder's hashed term vectors of each input, so similar texts get similar vectors, as from a real model.
 */
export async function startEmbeddingsServer(options: EmbeddingsServerOptions = {}): Promise<EmbeddingsServer> {
  const requests: EmbeddingsRequest[] = []
  let inFlight = 0
  let peakConcurrency = 0
  const server = createServer(async (request, response) => {
    inFlight++
    peakConcurrency = Math.max(peakConcurrency, inFlight)
    try {
      const body = await readJson(request)
      const input = (Array.isArray(body.input) ? body.input : [body.input]) as string[]
      const entry = { model: String(body.model), input, dimensions: body.dimensions as number | undefined }
      const index = requests.push(entry) - 1
      const status = request.url === '/v1/embeddings' ? options.fail?.(index, entry) : 404
      if (status === undefined) await new Promise((resolve) => setTimeout(resolve, options.delay ?? 5))
      else {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ error: { message: `injected failure ${status}`, type: 'server_error' } }))
        return
      }
      const length = options.forceDimensions ?? entry.dimensions ?? options.nativeDimensions ?? 24
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          object: 'list',
          model: entry.model,
          data: input.map((text, position) => ({
            object: 'embedding',
            index: position,
            embedding: [...hashedTermVector(text, length)],
          })),
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        }),
      )
    } finally {
      inFlight--
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get peakConcurrency() {
      return peakConcurrency
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
