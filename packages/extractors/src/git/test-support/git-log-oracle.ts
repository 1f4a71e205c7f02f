import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Commit } from '@gitlore/core'
import { isolatedGitEnv } from '@gitlore/fixtures'

const execFileAsync = promisify(execFile)
const decoder = new TextDecoder('utf-8')

/** What the oracle knows of a file change: `git log --numstat` has no status column. */
export type OracleFile = Omit<Commit['files'][number], 'status'>
export type OracleCommit = Omit<Commit, 'files'> & { readonly files: readonly OracleFile[] }

export interface OracleOptions {
  /** Inclusive window on author dates, ISO 8601. */
  readonly since?: string
  readonly until?: string
  /** Shas to leave out (a shallow clone's boundary commits). */
  readonly exclude?: readonly string[]
  /** Paths to leave out of every commit (submodule entries, which numstat lists). */
  readonly ignorePaths?: readonly string[]
}

/**
 * The history as plain `git log --numstat --no-renames` prints it, with git's own `.mailmap`
 * handling (`%aN`, `%aE`), subject (`%s`) and body (`%b`): the reference both backends must equal.
 */
export async function gitLogOracle(dir: string, options: OracleOptions = {}): Promise<OracleCommit[]> {
  const format = '%x1e%H%x00%P%x00%at%x00%ct%x00%aN%x00%aE%x00%s%x00%b'
  const { stdout } = await execFileAsync('git', ['log', '-z', '--numstat', '--no-renames', `--format=${format}`], {
    cwd: dir,
    env: isolatedGitEnv(),
    encoding: 'buffer',
    maxBuffer: 1 << 30,
  })
  const since = options.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.since)
  const until = options.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(options.until)
  const commits: OracleCommit[] = []
  for (const record of splitBytes(stdout, 0x1e).slice(1)) {
    const tokens = splitBytes(record, 0)
    const [sha, parents, authorTime, committerTime, name, email, subject, body] = tokens.map((token) =>
      decoder.decode(token),
    )
    const files = tokens.slice(8).flatMap((token): OracleFile[] => {
      const text = decoder.decode(token).replace(/^\n/, '')
      const match = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(text)
      if (match === null) return []
      const binary = match[1] === '-'
      const path = match[3] as string
      if (options.ignorePaths?.includes(path)) return []
      return [{ path, added: binary ? 0 : Number(match[1]), removed: binary ? 0 : Number(match[2]), binary }]
    })
    const authored = Number(authorTime) * 1000
    if (authored < since || authored > until || options.exclude?.includes(sha as string)) continue
    commits.push({
      sha: sha as string,
      parents: parents === '' ? [] : (parents as string).split(' '),
      author: { name: name as string, email: email as string },
      authoredAt: new Date(authored).toISOString(),
      committedAt: new Date(Number(committerTime) * 1000).toISOString(),
      subject: subject as string,
      body: (body as string).replace(/[ \t\n\v\f\r]+$/, ''),
      files,
    })
  }
  return commits
}

function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = []
  let start = 0
  for (let at = bytes.indexOf(separator); at !== -1; at = bytes.indexOf(separator, start)) {
    parts.push(bytes.subarray(start, at))
    start = at + 1
  }
  parts.push(bytes.subarray(start))
  return parts
}

/** A backend's commits without what the oracle cannot see (file status). */
export function withoutStatus(commits: readonly Commit[]): OracleCommit[] {
  return commits.map((commit) => ({
    ...commit,
    files: commit.files.map(({ status: _, ...file }) => file),
  }))
}
