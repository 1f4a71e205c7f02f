// What a packed package holds and whether it would install and run for an npm user: no workspace:
// ranges, the metadata and LICENSE, every imported package declared, exports that resolve, and for
// the CLI only its bundle.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { init, parse } from 'es-module-lexer'

const builtins = new Set(builtinModules)

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/** The package a bare import specifier names (`@scope/name/sub` -> `@scope/name`); null for relative and builtin ones. */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null
  if (specifier.startsWith('data:') || specifier.startsWith('file:')) return null
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
  return builtins.has(name) ? null : name
}

/** Every problem found in an unpacked package at `dir` (the tarball's `package/`); empty when it is fine. */
export async function inspectPackage(dir, { license }) {
  await init
  const problems = []
  const manifestText = readFileSync(join(dir, 'package.json'), 'utf8')
  const manifest = JSON.parse(manifestText)
  const files = walk(dir).map((path) => ({ path: relative(dir, path), bytes: statSync(path).size }))
  const has = (path) => files.some((file) => file.path === path)

  if (manifestText.includes('workspace:')) problems.push('package.json still has workspace: ranges')
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, not MIT`)
  if (!has('LICENSE') || readFileSync(join(dir, 'LICENSE'), 'utf8') !== license)
    problems.push('LICENSE missing or not the root one')
  if (!has('README.md')) problems.push('no README.md')
  for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'engines']) {
    if (manifest[field] === undefined || (Array.isArray(manifest[field]) && manifest[field].length === 0)) {
      problems.push(`no ${field} in package.json`)
    }
  }
  if (manifest.engines?.node !== '>=22') problems.push(`engines.node is ${manifest.engines?.node}, not >=22`)
  for (const file of files) {
    if (/\.test(-d)?\.ts$|\.test-helper\.ts$|__fixtures__/.test(file.path))
      problems.push(`ships test file ${file.path}`)
  }

  // Every package the shipped JavaScript imports must be a dependency, or an npm install breaks.
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const undeclared = new Map()
  for (const file of files.filter((entry) => /\.m?js$/.test(entry.path))) {
    const [imports] = parse(readFileSync(join(dir, file.path), 'utf8'))
    for (const entry of imports) {
      const name = entry.n === undefined ? null : packageOf(entry.n)
      if (name !== null && !declared.has(name)) undeclared.set(name, file.path)
    }
  }
  for (const [name, file] of undeclared) problems.push(`${file} imports ${name}, which is not a dependency`)

  // Every export target and the bin must exist.
  const targets = []
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect)
  }
  collect(manifest.exports)
  collect(manifest.bin)
  for (const target of targets)
    if (!has(target.replace(/^\.\//, ''))) problems.push(`${target} is named in package.json but not shipped`)

  if (manifest.bin !== undefined) {
    const heavy = files.filter((file) => /\.map$|\.ts$/.test(file.path) || /^(src|dist)\//.test(file.path))
    if (heavy.length > 0 && process.env.GITLORE_SOURCEMAP !== '1') {
      problems.push(
        `the CLI ships sources or source maps: ${heavy
          .slice(0, 3)
          .map((file) => file.path)
          .join(', ')}${heavy.length > 3 ? ', ...' : ''}`,
      )
    }
  }
  return { manifest, files, problems, unpackedBytes: files.reduce((sum, file) => sum + file.bytes, 0) }
}
