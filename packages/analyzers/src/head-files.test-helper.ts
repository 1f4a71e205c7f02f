import type { HeadFiles } from '@gitlore/core'
import { git } from '@gitlore/fixtures'

/** A test-only reading of the tree at HEAD (the extractor's `readHeadFiles` does this in bounded form). */
export async function headFilesFromGit(dir: string): Promise<HeadFiles> {
  const entries = (await git(dir, ['ls-tree', '-r', '-z', 'HEAD'])).split('\0').filter(Boolean)
  const paths = entries.map((entry) => entry.slice(entry.indexOf('\t') + 1))
  const blob = (index: number) => git(dir, ['cat-file', 'blob', (entries[index] as string).split(/\s/)[2] as string])
  const attributes = new Map<string, string>()
  const samples = new Map<string, { start: string; end: string }>()
  for (const [index, path] of paths.entries()) {
    const text = await blob(index)
    if (path === '.gitattributes' || path.endsWith('/.gitattributes')) attributes.set(path, text)
    const bytes = Buffer.from(text)
    samples.set(path, {
      start: bytes.subarray(0, 1024).toString('utf8'),
      end: bytes.length <= 1024 ? '' : bytes.subarray(-512).toString('utf8'),
    })
  }
  return { paths, attributes, samples }
}

/** Every sha reachable from HEAD. */
export async function historyShasFromGit(dir: string): Promise<string[]> {
  return (await git(dir, ['rev-list', 'HEAD'])).split('\n').filter(Boolean)
}
