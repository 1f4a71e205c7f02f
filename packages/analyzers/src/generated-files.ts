import type { GeneratedReason, HeadFiles } from '@gitlore/core'
import { linguistAttributeReader } from './gitattributes.js'

const lockFiles = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lockb',
  'bun.lock',
  'deno.lock',
  'cargo.lock',
  'go.sum',
  'poetry.lock',
  'pdm.lock',
  'pipfile.lock',
  'uv.lock',
  'gemfile.lock',
  'composer.lock',
  'podfile.lock',
  'package.resolved',
  'packages.lock.json',
  'gradle.lockfile',
  'flake.lock',
  'mix.lock',
  'pubspec.lock',
  'conan.lock',
])

/** Directories whose files are vendored copies of other projects or installed dependencies. */
const vendoredDirectory =
  /(?:^|\/)(?:vendor|vendored|third[-_]?party|3rd[-_]?party|node_modules|bower_components|jspm_packages|Godeps\/_workspace|\.yarn\/(?:releases|plugins|sdks))\//i

/** Directories and names of generated code and committed build output. */
const generatedPath =
  /(?:^|\/)(?:__generated__|generated|autogen|auto_generated|gen-src|dist|__snapshots__|_expected)\/|\.(?:min\.(?:js|css|mjs)|(?:js|css|mjs)\.map|snap|pb\.go|pb\.(?:cc|h)|g\.dart|freezed\.dart|designer\.cs|generated\.\w+)$|_pb2(?:_grpc)?\.py$/i

/** Expected output of tests (`expected.js`, `_expected.html`) under a test directory: written by running the code. */
const expectedOutput = /(?:^|\/)(?:tests?|__tests__|samples|fixtures)\/(?:.*\/)?_?expected[^/]*$/i

const commentStart = String.raw`^\s*(?:\/\/|#|\/\*|\*|<!--|--|;|%|')[^\n]*`

/** A comment line in the first lines of a file saying it is generated ("DO NOT EDIT" only in capitals, as generators write it). */
const generatedHeaders = [
  new RegExp(
    `${commentStart}(?:@generated|\\bauto-?generated|\\bautomatically generated|\\b(?:is|was|been) generated|\\bgenerated (?:by|from|with|using|during|automatically)\\b|\\bcode generated\\b)`,
    'im',
  ),
  new RegExp(`${commentStart}\\bDO NOT EDIT\\b`, 'm'),
]

/** A source map reference at the end: only bundlers, minifiers and compilers write one. */
const sourceMapReference = /^\s*(?:\/\/|\/\*)[#@] sourceMappingURL=\S+/m

/** Built file extension -> the extensions of the sources it is built from, when they sit beside it. */
const builtFrom: Readonly<Record<string, readonly string[]>> = {
  pdf: ['tex', 'md', 'rst', 'typ', 'adoc'],
  js: ['ts', 'tsx', 'coffee'],
  css: ['scss', 'sass', 'less', 'styl'],
  pyc: ['py'],
  class: ['java'],
  o: ['c', 'cc', 'cpp'],
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function firstLines(text: string, count: number): string {
  let end = -1
  for (let line = 0; line < count; line++) {
    end = text.indexOf('\n', end + 1)
    if (end === -1) return text
  }
  return text.slice(0, end)
}

/** The source a built file is made from when it sits beside it: `docs/paper.pdf` -> `docs/paper.tex`. */
function sourceBeside(path: string, known: ReadonlySet<string>): string | null {
  const dot = path.lastIndexOf('.')
  if (dot <= path.lastIndexOf('/') + 1) return null
  const sources = builtFrom[path.slice(dot + 1).toLowerCase()] ?? []
  for (const extension of sources) {
    const source = `${path.slice(0, dot)}.${extension}`
    if (known.has(source)) return source
  }
  return null
}

/**
 * Why each of `paths` counts as generated or vendored, for the paths that do (in this order of
 * precedence): `.gitattributes` at HEAD (`linguist-generated`, `linguist-vendored`; an explicit
 * `-linguist-generated` or `=false` keeps a file out of every rule below), lock files, vendored
 * directories, generated paths and names, a generated header in the first five lines or a source
 * map reference at the end of the file at HEAD, and build artefacts beside their source at HEAD (a
 * `.pdf` beside its `.tex`, `.js` beside its `.ts`, `.css` beside its `.scss`). Minified files and source
 * maps are generated wherever they are.
 */
export function classifyGeneratedPaths(
  paths: Iterable<string>,
  head: HeadFiles | undefined,
): Map<string, GeneratedReason> {
  const attributes = linguistAttributeReader(head?.attributes ?? new Map())
  const all = [...paths]
  // A built file and its source must sit side by side at HEAD: over history, a .js that became a
  // .ts (or back) would look like a build artefact.
  const known = new Set(head?.paths ?? [])
  const reasons = new Map<string, GeneratedReason>()
  for (const path of all) {
    const reason = generatedReason(path, attributes(path), head, known)
    if (reason !== null) reasons.set(path, reason)
  }
  return reasons
}

function generatedReason(
  path: string,
  attributes: { readonly generated?: boolean; readonly vendored?: boolean },
  head: HeadFiles | undefined,
  known: ReadonlySet<string>,
): GeneratedReason | null {
  if (attributes.generated === true) return 'linguist-generated'
  if (attributes.vendored === true) return 'linguist-vendored'
  if (attributes.generated === false || attributes.vendored === false) return null
  if (lockFiles.has(baseName(path).toLowerCase())) return 'lockfile'
  if (vendoredDirectory.test(path)) return 'vendored-path'
  if (generatedPath.test(path) || expectedOutput.test(path)) return 'generated-path'
  const sample = head?.samples.get(path)
  if (sample !== undefined) {
    const start = firstLines(sample.start, 5)
    if (generatedHeaders.some((pattern) => pattern.test(start))) return 'generated-header'
    if (sourceMapReference.test(sample.end === '' ? sample.start : sample.end)) return 'build-artefact'
  }
  return known.has(path) && sourceBeside(path, known) !== null ? 'build-artefact' : null
}
