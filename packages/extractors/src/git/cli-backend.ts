import { resolve } from 'node:path'
import { GitCommandError, NotAGitRepositoryError, type RawCommit } from '@gitlore/core'
import { NulTokenizer } from './cli/nul-tokenizer.js'
import { readInParallel } from './cli/read-in-parallel.js'
import { listReplaceRefs } from './cli/replace-refs.js'
import { runGit, streamGit } from './cli/run-git.js'
import { summarizeStderr } from './cli/stderr-summary.js'
import { decodeLossy } from './decode.js'
import type {
  CommitSummary,
  GitBackend,
  GitBackendCallOptions,
  ListCommitsOptions,
  RepositoryState,
} from './git-backend.js'
import { describeRemote } from './remote.js'
import { assertDirectory, readShallowCommits, readWorkTreeMailmap } from './repository-files.js'

/** Options of `createCliBackend`. */
export interface CliBackendOptions {
  /** The repository's top-level directory or any directory inside it. */
  readonly dir: string
  /** git processes reading diffs at once; default: one per core (at most 8), fewer for short histories. */
  readonly parallelism?: number | undefined
}

interface Location {
  /** Where git runs: the work tree root, or the git directory when there is no work tree. */
  readonly cwd: string
  readonly workTree: string | null
  readonly commonDir: string
}

/**
 * The git CLI backend: lists commits with one `git log` without diffs, then reads the diffs with
 * `git log -z --raw --numstat --no-renames`, one process per core over alternating blocks of the
 * commits, parsing as output arrives and yielding in order (see `readInParallel`).
 */
export function createCliBackend(options: CliBackendOptions): GitBackend {
  const dir = resolve(options.dir)
  let location: Promise<Location> | undefined
  const locate = (signal?: AbortSignal): Promise<Location> => {
    location ??= findRepository(dir, signal)
    return location
  }
  return {
    kind: 'cli',
    async readRepository({ signal }: GitBackendCallOptions = {}): Promise<RepositoryState> {
      const { cwd, workTree, commonDir } = await locate(signal)
      const optional = async (args: string[], allowed: number) => {
        const result = await runGit({ cwd, args, signal, allowedExitCodes: [allowed] })
        return result.code === 0 ? result.stdout : null
      }
      const [head, branch, remote, shallowCommits, mailmap, replacements] = await Promise.all([
        optional(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], 1),
        optional(['symbolic-ref', '-q', 'HEAD'], 1),
        optional(['config', '--local', '--get', 'remote.origin.url'], 1),
        readShallowCommits(commonDir),
        workTree === null ? optional(['cat-file', 'blob', 'HEAD:.mailmap'], 128) : readWorkTreeMailmap(workTree),
        listReplaceRefs(cwd, signal),
      ])
      const branchRef = branch?.toString('utf8').trim() ?? null
      return {
        info: {
          path: cwd,
          head: head?.toString('latin1').trim() || null,
          branch: branchRef === null ? null : branchRef.replace(/^refs\/heads\//, ''),
          remote: remote === null ? null : describeRemote(decodeLossy(remote).trim()),
        },
        shallowCommits,
        mailmap: mailmap === null ? null : decodeLossy(mailmap),
        replacements,
      }
    },

    async listCommits({ signal, known }: ListCommitsOptions = {}): Promise<readonly CommitSummary[]> {
      const { cwd } = await locate(signal)
      const head = await runGit({
        cwd,
        args: ['rev-parse', '-q', '--verify', 'HEAD^{commit}'],
        signal,
        allowedExitCodes: [1],
      })
      if (head.code !== 0) return []
      const commits: CommitSummary[] = []
      const tokenizer = new NulTokenizer()
      let fields: string[] = []
      const since = known === undefined ? [] : ['--not', known.head]
      const stream = streamGit({
        cwd,
        args: ['log', '-z', '--format=%H%x00%at%x00%ct%x00%P', 'HEAD', ...since, '--'],
        signal,
      })
      for await (const chunk of stream) {
        for (const token of tokenizer.push(chunk)) {
          fields.push(token.toString('latin1'))
          if (fields.length < 4) continue
          const [sha, authorTime, committerTime, parents] = fields as [string, string, string, string]
          commits.push({
            sha,
            parents: parents === '' ? [] : parents.split(' '),
            authorTime: Number(authorTime),
            committerTime: Number(committerTime),
          })
          fields = []
        }
      }
      if (fields.length > 0) throw new GitCommandError('unexpected git log output: a commit listing was cut short')
      return commits
    },

    async *readCommits(shas: readonly string[], { signal }: GitBackendCallOptions = {}): AsyncIterable<RawCommit> {
      if (shas.length === 0) return
      const { cwd } = await locate(signal)
      yield* readInParallel({ cwd, shas, parallelism: options.parallelism, signal })
    },
  }
}

async function findRepository(dir: string, signal: AbortSignal | undefined): Promise<Location> {
  await assertDirectory(dir)
  const result = await runGit({
    cwd: dir,
    args: ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--git-common-dir'],
    signal,
    allowedExitCodes: [128],
  })
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw new NotAGitRepositoryError(dir)
    throw new GitCommandError(`git rev-parse failed in ${dir}: ${summarizeStderr(result.stderr)}`)
  }
  const [bare, gitDir, commonDir] = decodeLossy(result.stdout).split('\n') as [string, string, string]
  const top =
    bare === 'true'
      ? null
      : await runGit({ cwd: dir, args: ['rev-parse', '--show-toplevel'], signal, allowedExitCodes: [128] })
  const workTree = top?.code === 0 ? decodeLossy(top.stdout).trim() : null
  return { cwd: workTree ?? gitDir, workTree, commonDir: resolve(dir, commonDir) }
}
