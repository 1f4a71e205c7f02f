import { createReadStream } from 'node:fs'
import type { Evidence, Finding } from '@gitlore/core'
import { findingId } from '../offline/finding-id.js'
import type { ReviewIndex } from '../review/review-index.js'
import type { DroppedCitations } from './agent-run.js'
import type { RepositorySandbox } from './tools/repository-sandbox.js'
import { runGit } from './tools/run-git.js'
import type { ValidFinding } from './validate-findings.js'

/** What a ref names. */
type Citation =
  | { readonly kind: 'pullRequest'; readonly number: number; readonly url: string | null }
  | { readonly kind: 'commit'; readonly sha: string }
  | { readonly kind: 'path'; readonly path: string; readonly start: number | null; readonly end: number | null }
  | { readonly kind: 'other' }

/** Reads a ref: a PR URL or `#123`, a commit sha, or `path[:line[-line]]`. */
export function classifyRef(ref: string): Citation {
  const text = ref.trim()
  const url = /^https?:\/\/\S+?\/pull\/(\d+)(?:[/#?]\S*)?$/i.exec(text)
  if (url !== null) return { kind: 'pullRequest', number: Number(url[1]), url: text }
  if (/^https?:\/\//i.test(text)) return { kind: 'other' }
  const number = /^(?:PR\s*|pull request\s*)?#(\d+)$/i.exec(text)
  if (number !== null) return { kind: 'pullRequest', number: Number(number[1]), url: null }
  if (/^[0-9a-f]{7,40}$/i.test(text)) return { kind: 'commit', sha: text.toLowerCase() }
  const path = /^([^\n:]+?)(?::(\d+)(?:-(\d+))?)?$/.exec(text)
  if (path !== null && !/\s/.test(path[1] ?? ' ')) {
    const start = path[2] === undefined ? null : Number(path[2])
    return { kind: 'path', path: path[1] ?? '', start, end: path[3] === undefined ? start : Number(path[3]) }
  }
  return { kind: 'other' }
}

/** Options of `verifyCitations`. */
export interface VerifyCitationsOptions {
  readonly sandbox: RepositorySandbox
  readonly reviews: ReviewIndex
  readonly gitTimeoutMs: number
  readonly signal?: AbortSignal | undefined
}

/** Findings whose every citation resolves, and what was dropped. */
export interface VerifiedFindings {
  readonly findings: readonly Finding[]
  readonly dropped: DroppedCitations
  /** Findings dropped for having no resolvable citation left. */
  readonly unsupported: number
  /** Each of those: its title and why. */
  readonly unsupportedDetails: readonly { readonly title: string; readonly reason: string }[]
}

async function countLines(real: string): Promise<number> {
  let lines = 0
  let last = 10
  for await (const chunk of createReadStream(real) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 10) lines += 1
    last = chunk.at(-1) ?? last
  }
  return last === 10 ? lines : lines + 1
}

/**
 * Checks every cited commit (`git cat-file -e`), pull request (against the review data) and path
 * (tracked at HEAD, or in the history of HEAD; never an untracked, ignored or outside file; a cited
 * line must exist in the current file). Unresolvable citations are dropped and counted; a finding left without any resolvable
 * citation is dropped. `#123` refs become the PR's URL when it is known.
 */
export async function verifyCitations(
  findings: readonly ValidFinding[],
  options: VerifyCitationsOptions,
): Promise<VerifiedFindings> {
  const { sandbox, reviews } = options
  const git = (args: readonly string[]) =>
    runGit(sandbox.root, args, {
      maxBytes: 4096,
      timeoutMs: options.gitTimeoutMs,
      okExitCodes: [1, 128],
      signal: options.signal,
    })
  const memo = new Map<string, Promise<unknown>>()
  const remember = <T>(key: string, check: () => Promise<T>): Promise<T> => {
    let found = memo.get(key) as Promise<T> | undefined
    if (found === undefined) {
      found = check()
      memo.set(key, found)
    }
    return found
  }
  const bases = reviews.pullRequestBases()

  /** True when HEAD holds exactly `path` (a file, a link, a directory or a submodule). */
  const atHead = (path: string): Promise<boolean> =>
    remember(`head\0${path}`, async () => {
      const listing = await git(['ls-tree', '-z', '--name-only', '--full-tree', 'HEAD', '--', path])
      return listing.exitCode === 0 && listing.stdout.split('\0').includes(path)
    })

  /**
   * Null when the path resolves (lines included), else why not. A path resolves when HEAD tracks it
   * or the history of HEAD held it (a deleted file); an untracked or ignored file (`.env`), a path
   * leading out (`..`, absolute) or into `.git` never does, whatever the working tree holds. Lines
   * are checked against the working-tree file only when it is what HEAD tracks: a tracked link to
   * an untracked file (`notes.txt -> .env`) is refused, the way the tools refuse to read it.
   */
  const checkPath = (path: string, start: number | null, end: number | null): Promise<string | null> =>
    remember(`path\0${path}\0${start}\0${end}`, async () => {
      let relative: string
      try {
        relative = sandbox.checkPath(path)
      } catch (error) {
        return error instanceof Error ? error.message : 'invalid path'
      }
      if (relative === '') return 'the repository root is not a citation'
      if (!(await atHead(relative))) {
        const history = await git(['log', '-1', '--format=%H', 'HEAD', '--', relative])
        return history.exitCode === 0 && history.stdout.trim() !== ''
          ? null
          : `${relative} is not tracked by git nor in the history of HEAD`
      }
      const current = await sandbox.resolve(relative).catch(() => null)
      if (current === null) return null
      if (current.realRelative !== relative && !(await atHead(current.realRelative))) {
        return `${relative} is a link to ${current.realRelative}, which git does not track`
      }
      if (start === null || current.kind !== 'file') return null
      const lines = await countLines(current.real)
      return start >= 1 && (end ?? start) >= start && (end ?? start) <= lines ? null : `${relative} has ${lines} lines`
    })

  const checkCommit = (sha: string): Promise<string | null> =>
    remember(`commit\0${sha}`, async () => {
      const result = await git(['cat-file', '-e', `${sha}^{commit}`])
      return result.exitCode === 0 ? null : `no commit ${sha} in the repository`
    })

  const counts = { commits: 0, pullRequests: 0, paths: 0, other: 0, files: 0 }
  const details: { finding: string; ref: string; reason: string }[] = []
  const kept: Finding[] = []
  const unsupportedDetails: { title: string; reason: string }[] = []
  let unsupported = 0
  for (const finding of findings) {
    options.signal?.throwIfAborted()
    const evidence: Evidence[] = []
    let resolved = 0
    for (const item of finding.evidence) {
      if (item.ref === undefined) {
        evidence.push(item)
        continue
      }
      const citation = classifyRef(item.ref)
      let problem: string | null
      let ref = item.ref
      if (citation.kind === 'pullRequest') {
        const sameRepository =
          citation.url === null || bases.size === 0 || [...bases].some((base) => citation.url?.startsWith(base))
        problem =
          reviews.knowsPullRequest(citation.number) && sameRepository
            ? null
            : `no pull request #${citation.number} in the review data`
        if (problem === null && citation.url === null) ref = reviews.pullRequestUrl(citation.number) ?? ref
        if (problem !== null) counts.pullRequests += 1
      } else if (citation.kind === 'commit') {
        problem = await checkCommit(citation.sha)
        if (problem !== null) counts.commits += 1
      } else if (citation.kind === 'path') {
        problem = await checkPath(citation.path, citation.start, citation.end)
        if (problem !== null) counts.paths += 1
      } else {
        problem = 'not a pull request, commit sha or path'
        counts.other += 1
      }
      if (problem === null) {
        resolved += 1
        evidence.push({ ...item, ref })
      } else details.push({ finding: finding.title, ref: item.ref, reason: problem })
    }
    const files: string[] = []
    for (const file of finding.files) {
      const problem = await checkPath(file, null, null)
      if (problem === null) files.push(file)
      else {
        counts.files += 1
        details.push({ finding: finding.title, ref: file, reason: problem })
      }
    }
    if (resolved === 0) {
      unsupported += 1
      const cited = finding.evidence.filter((item) => item.ref !== undefined).length
      unsupportedDetails.push({
        title: finding.title,
        reason:
          cited === 0
            ? 'it cites nothing that can be checked'
            : cited === 1
              ? 'its one citation did not resolve'
              : `none of its ${cited} citations resolved`,
      })
      continue
    }
    kept.push({
      id: findingId(finding.category, finding.title.toLowerCase(), files),
      title: finding.title,
      category: finding.category,
      severity: finding.severity,
      insight: finding.insight,
      evidence,
      files,
    })
  }
  const total = counts.commits + counts.pullRequests + counts.paths + counts.other + counts.files
  return { findings: kept, dropped: { total, ...counts, details }, unsupported, unsupportedDetails }
}
