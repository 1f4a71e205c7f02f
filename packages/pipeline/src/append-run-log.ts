import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { prepareStateDirectory } from './state-directory.js'

/** Appends a run's lines to `<repository>/.gitlore/gitlore.log`, for when the terminal has scrolled away. */
export async function appendRunLog(root: string, lines: readonly string[]): Promise<string> {
  const directory = await prepareStateDirectory(root)
  const path = join(directory, 'gitlore.log')
  const stamp = new Date().toISOString()
  await appendFile(path, lines.map((line) => `${stamp} ${line}\n`).join(''))
  return path
}
