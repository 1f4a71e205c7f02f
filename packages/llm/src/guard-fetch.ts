import type { CircuitBreaker } from './circuit-breaker.js'

const shorten = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text)

/** Provider error texts sometimes echo part of the key (`sk-abc***xyz`): never let that into a report. */
export function redactKeys(text: string): string {
  return text
    .replace(/\b[\w-]*\*{2,}[\w-]*/g, '[redacted]')
    .replace(/\b(?:sk|pk|rk|ghp|gho|ghu|ghs|ghr|github_pat|xox[a-z])[-_][\w-]{8,}/gi, '[redacted]')
}

function modelOf(body: unknown): string | null {
  if (typeof body !== 'string') return null
  try {
    const model = (JSON.parse(body) as { model?: unknown }).model
    return typeof model === 'string' ? model : null
  } catch {
    return null
  }
}

/** The provider's own words from an error body (`error.message`, `message`, `error`), shortened. */
function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown }
    const error = body.error as { message?: unknown } | string | undefined
    const message = typeof error === 'string' ? error : (error?.message ?? body.message)
    if (typeof message === 'string') return redactKeys(shorten(message.trim()))
  } catch {
    // Not JSON: the text itself.
  }
  return redactKeys(shorten(text.trim().replace(/\s+/g, ' ')))
}

function describeThrown(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time'
  const cause = (error as { cause?: { message?: unknown; code?: unknown } } | null)?.cause
  const detail =
    typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error)
  return redactKeys(shorten(detail))
}

const userAborted = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError'

/** Options of `guardFetch`. */
export interface GuardFetchOptions {
  /**
   * Milliseconds to wait for the response headers of one attempt (a whole answer, for most servers
   * when it is not streamed; the first bytes when it is) before the attempt counts as a transport
   * failure; 0 for no limit. Default 120000.
   */
  readonly responseTimeoutMs?: number
}

/**
 * A `fetch` that reports every attempt to `breaker` and sends nothing once the provider (or the
 * requested model) is cut off. It sees each of the ai SDK's own retries, so a down server is
 * counted per attempt, not per call; a server that accepts the connection and never answers costs
 * `responseTimeoutMs`. 2xx JSON bodies are checked for being JSON at all.
 */
export function guardFetch(
  breaker: CircuitBreaker,
  base: () => typeof fetch,
  options: GuardFetchOptions = {},
): typeof fetch {
  const timeoutMs = options.responseTimeoutMs ?? 120_000
  return async (input, init) => {
    const modelId = modelOf(init?.body)
    breaker.assertAvailable(modelId)
    breaker.recordAttempt()
    const timeout = new AbortController()
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () => timeout.abort(new DOMException(`no response within ${timeoutMs} ms`, 'TimeoutError')),
            timeoutMs,
          )
        : undefined
    const signal = init?.signal == null ? timeout.signal : AbortSignal.any([init.signal, timeout.signal])
    let response: Response
    try {
      response = await base()(input, { ...init, signal })
    } catch (error) {
      const thrown = timeout.signal.aborted ? timeout.signal.reason : error
      if (!userAborted(thrown)) breaker.recordTransportFailure(describeThrown(thrown))
      throw thrown
    } finally {
      clearTimeout(timer)
    }
    const { status } = response
    if (status >= 200 && status < 300) {
      breaker.recordSuccess()
      if (!(response.headers.get('content-type') ?? '').includes('json')) return response
      const text = await response.text()
      try {
        JSON.parse(text)
      } catch {
        breaker.recordMalformed(`HTTP ${status} with a body that is not JSON: ${shorten(JSON.stringify(text))}`)
      }
      return new Response(text, { status, statusText: response.statusText, headers: response.headers })
    }
    const said = messageOf(await response.clone().text())
    const describe = `HTTP ${status}${said === '' ? '' : `: ${said}`}`
    if (status === 401) breaker.open(`the provider refused the API key (${describe})`)
    else if (status === 402) breaker.open(`the provider refused to serve the request without payment (${describe})`)
    else if (status === 403 && !/moderat|flagged/i.test(said)) breaker.open(`the provider refused access (${describe})`)
    else if ((status === 404 || status === 400) && /model/i.test(said) && modelId !== null) {
      if (status === 404 || /not (a )?valid|not found|does not exist|unknown/i.test(said)) {
        breaker.openModel(modelId, `the provider does not know this model (${describe})`)
      }
    } else if (status === 404) breaker.open(`no model API at this address (${describe}); check the provider's base URL`)
    else if (status === 429) breaker.recordRateLimited(describe)
    else if (status === 408 || status >= 500) breaker.recordTransportFailure(describe)
    return response
  }
}
