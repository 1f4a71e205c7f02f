import { isAbsolute, relative, sep } from 'node:path'
import { KnowledgeInputError } from '../knowledge-errors.js'

/**
 * A path as the index keys it: relative to the repository root, `/`-separated, a directory ending
 * in `/`. An absolute path is accepted when it lies inside the repository. Nothing is read from
 * disk: a path only selects index entries, and anything that could name something outside the
 * repository (`..`, another root, `.git`, control characters) is refused.
 */
export function queryPath(input: string, root: string): string {
  const raw = input.trim()
  if (raw === '') throw new KnowledgeInputError('a path is empty: give paths relative to the repository root')
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new KnowledgeInputError('a path holds control characters')
  let path = raw
  if (isAbsolute(path)) {
    const inside = relative(root, path)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new KnowledgeInputError(`${visible(raw)} is outside the repository ${root}: give a path inside it`)
    }
    path = inside.split(sep).join('/') + (raw.endsWith('/') ? '/' : '')
  }
  path = path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(\.\/)+/, '')
  const segments = path.split('/').filter((segment, index, all) => segment !== '' || index === all.length - 1)
  if (segments.some((segment) => segment === '..')) {
    throw new KnowledgeInputError(`${visible(raw)} leaves the repository: give a path inside it`)
  }
  if (segments.some((segment) => segment.toLowerCase() === '.git')) {
    throw new KnowledgeInputError(`${visible(raw)} is inside .git: gitlore knows nothing there`)
  }
  const joined = segments.filter((segment) => segment !== '.').join('/')
  if (joined === '' || joined === '/')
    throw new KnowledgeInputError('a path names the repository root: name a file or directory')
  return joined
}

function visible(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)
}
