import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Appends a run's lines to `<repository>/.gitlore/gitlore.log`, for when the terminal has scrolled away. */
export async function appendRunLog(root: string, lines: readonly string[]): Promise<string> {
  const directory = join(root, '.gitlore')
  await mkdir(directory, { recursive: true })
  const path = join(directory, 'gitlore.log')
  const stamp = new Date().toISOString()
  await appendFile(path, lines.map((line) => `${stamp} ${line}\n`).join(''))
  return path
}
