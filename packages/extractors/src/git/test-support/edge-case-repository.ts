import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { git, people, RepoBuilder } from '@gitlore/fixtures'

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

/**
 * A repository of diff and message corner cases: a file becoming a symlink (typechange), a
 * submodule becoming a file, a file becoming a directory, CRLF lines, a NUL byte after git's
 * 8000-byte binary probe, a mode-only change of a binary file, a subject spread over two lines
 * after blank lines, and (last) a commit with an `encoding ISO-8859-1` header.
 */
export async function buildEdgeCaseRepository(): Promise<{ dir: string; submodulePath: string }> {
  const builder = new RepoBuilder()
  const { alice, bob } = people
  builder.commit({
    author: alice,
    date: '2025-01-01T10:00:00Z',
    message: 'Start\n',
    files: {
      link: 'was a file\nwith two lines\n',
      thing: 'a file\n',
      'crlf.txt': 'a\r\nb\r\n',
      'big.txt': 'x\n'.repeat(5000),
    },
    executables: { 'tool.bin': new Uint8Array([0, 1, 2]) },
    submodules: { sub: '1111111111111111111111111111111111111111' },
  })
  builder.commit({
    author: bob,
    date: '2025-01-02T10:00:00Z',
    message: '\n\nA subject that goes\non over two lines  \n\n\nBody line one\r\nBody line two\n\n',
    symlinks: { link: 'target/path' },
    files: {
      'crlf.txt': 'a\r\nc\r\n',
      'big.txt': `${'x\n'.repeat(5000)}\0tail\n`,
      'tool.bin': new Uint8Array([0, 1, 2]),
    },
  })
  builder.commit({
    author: alice,
    date: '2025-01-03T10:00:00Z',
    message: 'Turn a file into a directory\n',
    files: { thing: null, 'thing/inside.txt': 'now a directory\n', 'thing.txt': 'beside it\n' },
  })
  const dir = await builder.build()
  await git(dir, ['update-index', '--add', '--cacheinfo', '100644', await blob(dir, 'sub now a file\n'), 'sub'])
  await git(dir, ['commit', '--quiet', '-m', 'Replace the submodule with a file'], {
    GIT_AUTHOR_NAME: bob.name,
    GIT_AUTHOR_EMAIL: bob.email,
    GIT_AUTHOR_DATE: '2025-01-04T10:00:00Z',
    GIT_COMMITTER_NAME: bob.name,
    GIT_COMMITTER_EMAIL: bob.email,
    GIT_COMMITTER_DATE: '2025-01-04T10:00:00Z',
  })
  const message = join(dir, '.git', 'latin1-message')
  await writeFile(message, latin1('Encod\xe9 en Latin-1\n\nCorps \xe0 la carte\n'))
  const tree = (await git(dir, ['write-tree'])).trim()
  const parent = (await git(dir, ['rev-parse', 'HEAD'])).trim()
  const commit = (
    await git(dir, ['-c', 'i18n.commitEncoding=ISO-8859-1', 'commit-tree', tree, '-p', parent, '-F', message], {
      GIT_AUTHOR_NAME: 'Zo\xe9',
      GIT_AUTHOR_EMAIL: 'zoe@example.com',
      GIT_AUTHOR_DATE: '2025-01-05T10:00:00Z',
      GIT_COMMITTER_NAME: 'Zoe',
      GIT_COMMITTER_EMAIL: 'zoe@example.com',
      GIT_COMMITTER_DATE: '2025-01-05T10:00:00Z',
    })
  ).trim()
  await git(dir, ['update-ref', 'refs/heads/main', commit])
  return { dir, submodulePath: 'sub' }
}

async function blob(dir: string, content: string): Promise<string> {
  const path = join(dir, '.git', 'blob-input')
  await writeFile(path, content)
  return (await git(dir, ['hash-object', '-w', path])).trim()
}
