import { join } from 'node:path'
import { appendConfinedFile, visibleText } from '@gitlore/core'
import { prepareStateDirectory, stateRemedy } from './state-directory.js'

/**
 * Appends a run's lines to `<repository>/.gitlore/gitlore.log`, for when the terminal has scrolled
 * away. Each line stays one line of visible text whatever a server or a model put in it, and the
 * log is never written through a link (a committed `gitlore.log -> ~/.bashrc` is refused).
 */
export async function appendRunLog(root: string, lines: readonly string[]): Promise<string> {
  const directory = await prepareStateDirectory(root)
  const path = join(directory, 'gitlore.log')
  const stamp = new Date().toISOString()
  const text = lines.map((line) => `${stamp} ${visibleText(line, { multiline: false })}\n`).join('')
  await appendConfinedFile(path, text, { root, remedy: stateRemedy })
  return path
}
