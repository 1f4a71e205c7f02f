import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the loopback REST server received (the token itself is never recorded). */
export interface PullsRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly body: Record<string, unknown> | null
  readonly authorized: boolean
}

/** A pull request as the server keeps it. */
export interface ServedPullRequest {
  number: number
  title: string
  body: string
  head: string
  base: string
  state: 'open' | 'closed'
}

/** GitHub's REST API for pull requests of one repository, on 127.0.0.1, as the action's tests need it. */
export interface LoopbackPullsServer {
  readonly url: string
  readonly requests: PullsRequest[]
  readonly pullRequests: ServedPullRequest[]
  close(): Promise<void>
}

async function body(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const parts: Buffer[] = []
  for await (const part of request) parts.push(part as Buffer)
  const text = Buffer.concat(parts).toString('utf8')
  return text === '' ? null : (JSON.parse(text) as Record<string, unknown>)
}

/**
 * Serves `GET /repos/{owner}/{repo}`, `GET|POST /repos/{owner}/{repo}/pulls` and
 * `PATCH /repos/{owner}/{repo}/pulls/{number}` for one repository, answering as GitHub does (the fields
 * Octokit's callers read), and 401 to anything without the token.
 */
export async function startLoopbackPullsServer(options: {
  readonly owner: string
  readonly repo: string
  readonly token: string
  readonly defaultBranch?: string
}): Promise<LoopbackPullsServer> {
  const requests: PullsRequest[] = []
  const pullRequests: ServedPullRequest[] = []
  const prefix = `/repos/${options.owner}/${options.repo}`
  const html = (pull: ServedPullRequest) => `https://github.com/${options.owner}/${options.repo}/pull/${pull.number}`
  const json = (pull: ServedPullRequest) => ({
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    html_url: html(pull),
    head: { ref: pull.head, label: `${options.owner}:${pull.head}` },
    base: { ref: pull.base },
  })
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const authorized = (request.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '') === options.token
    const recorded: PullsRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: await body(request),
      authorized,
    }
    requests.push(recorded)
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(payload))
    }
    if (!authorized) return send(401, { message: 'Bad credentials' })
    if (recorded.method === 'GET' && url.pathname === prefix) {
      return send(200, {
        full_name: `${options.owner}/${options.repo}`,
        default_branch: options.defaultBranch ?? 'main',
      })
    }
    if (url.pathname === `${prefix}/pulls` && recorded.method === 'GET') {
      const head = recorded.query.head
      const state = recorded.query.state ?? 'open'
      const found = pullRequests.filter(
        (pull) =>
          (head === undefined || `${options.owner}:${pull.head}` === head) && (state === 'all' || pull.state === state),
      )
      return send(200, found.map(json))
    }
    if (url.pathname === `${prefix}/pulls` && recorded.method === 'POST') {
      const input = recorded.body ?? {}
      if (pullRequests.some((pull) => pull.head === input.head && pull.state === 'open')) {
        return send(422, {
          message: 'Validation Failed',
          errors: [{ message: `A pull request already exists for ${options.owner}:${String(input.head)}.` }],
        })
      }
      const pull: ServedPullRequest = {
        number: pullRequests.length + 1,
        title: String(input.title),
        body: String(input.body ?? ''),
        head: String(input.head),
        base: String(input.base),
        state: 'open',
      }
      pullRequests.push(pull)
      return send(201, json(pull))
    }
    const match = new RegExp(`^${prefix}/pulls/(\\d+)$`).exec(url.pathname)
    if (match !== null && recorded.method === 'PATCH') {
      const pull = pullRequests.find((candidate) => candidate.number === Number(match[1]))
      if (pull === undefined) return send(404, { message: 'Not Found' })
      const input = recorded.body ?? {}
      if (typeof input.title === 'string') pull.title = input.title
      if (typeof input.body === 'string') pull.body = input.body
      return send(200, json(pull))
    }
    return send(404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    pullRequests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
