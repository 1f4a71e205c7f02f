#!/usr/bin/env node
// The release check: pack every public package as npm would publish it, install the tarballs with npm
// into a fresh project, and use them there the way a user would: every README's ```ts examples (the
// root README's library example and the pipeline package's among them; ```ts fragment marks a block
// that is not a whole program), `gitlore --help` and `gitlore analyze --offline` on a generated
// repository from the CLI tarball installed alone, an LLM stage and the installed `gitlore` against the
// loopback model server (proving the prompts ship), and `tsc --noEmit` on a consumer with
// `moduleResolution: nodenext` and no `skipLibCheck`. Each tarball is checked too: no workspace:
// ranges, LICENSE and metadata, every imported package a dependency, and the CLI only its bundle.
// Run after `pnpm build`; `pnpm test` runs it last. `--keep` leaves the temporary files behind.
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildRepository } from './release/generated-repository.mjs'
import { inspectPackage } from './release/inspect-tarball.mjs'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const keep = process.argv.includes('--keep')
const work = mkdtempSync(join(tmpdir(), 'gitlore-release-'))
const timings = []
const failures = []

/** Runs one step, timing it; a failure is recorded and the check goes on with the next steps. */
async function step(name, action) {
  const timing = { name, ms: 0, detail: '' }
  timings.push(timing)
  const started = Date.now()
  try {
    timing.detail = (await action()) ?? ''
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim()
    failures.push(`${name}: ${error.message.split('\n')[0]}${output === '' ? '' : `\n${output}`}`)
    timing.detail = 'FAILED'
  }
  timing.ms = Date.now() - started
}

/** Runs a command; rejects with its output when it exits non-zero. */
async function sh(command, args, options = {}) {
  return run(command, args, { maxBuffer: 64 * 1024 * 1024, ...options })
}

/** The runnable examples of a markdown file: its ```ts blocks (```ts fragment marks the ones that are not whole programs). */
function codeBlocks(file) {
  return [...readFileSync(file, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1])
}

const firstLine = (file) => readFileSync(join(root, 'prompts', file), 'utf8').split('\n')[0]

const packageDirs = ['packages', 'apps']
  .flatMap((parent) => readdirSync(join(root, parent)).map((name) => join(root, parent, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .filter((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private !== true)

if (!existsSync(join(root, 'apps/cli/bundle/bin.js'))) {
  console.error('release check: apps/cli/bundle/bin.js is missing; run pnpm build first')
  process.exit(1)
}

const tarballs = join(work, 'tarballs')
// The home directory the installed code sees: no ~/.config/gitlore/.env, so no key of this machine is used.
const home = join(work, 'home')
mkdirSync(home)
const project = join(work, 'project')
const packages = []

await step('pack every public package (pnpm pack rewrites workspace: ranges)', async () => {
  mkdirSync(tarballs)
  const filters = packageDirs.flatMap((dir) => ['--filter', `./${dir.slice(root.length + 1)}`])
  await sh('pnpm', ['-r', ...filters, 'pack', '--pack-destination', tarballs], { cwd: root })
  const license = readFileSync(join(root, 'LICENSE'), 'utf8')
  for (const file of readdirSync(tarballs).filter((name) => name.endsWith('.tgz'))) {
    const unpacked = join(work, 'unpacked', file.replace(/\.tgz$/, ''))
    mkdirSync(unpacked, { recursive: true })
    await sh('tar', ['-xzf', join(tarballs, file), '-C', unpacked])
    const inspected = await inspectPackage(join(unpacked, 'package'), { license })
    const { size } = statSync(join(tarballs, file))
    packages.push({ file, packedBytes: size, ...inspected })
    for (const problem of inspected.problems) failures.push(`${inspected.manifest.name}: ${problem}`)
  }
  if (packages.length !== packageDirs.length)
    throw new Error(`packed ${packages.length} of ${packageDirs.length} packages`)
  return `${packages.length} packages`
})

const installing = step('npm install the tarballs into a fresh project', async () => {
  mkdirSync(join(project, 'examples'), { recursive: true })
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'gitlore-release-check', private: true, type: 'module' }, null, 2)}\n`,
  )
  await sh(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefer-offline',
      ...packages.map((entry) => join(tarballs, entry.file)),
      '@types/node@22',
    ],
    { cwd: project },
  )
  const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')).length
  return `${installed} top-level entries in node_modules`
})

const repository = join(work, 'repository')
const generating = step('generate a repository', async () => {
  buildRepository(repository)
  return '30 commits'
})

/** A fresh copy of the generated repository, so each run starts from the same state. */
function repositoryCopy(name) {
  const copy = join(work, 'repositories', name)
  cpSync(repository, copy, { recursive: true })
  return copy
}

// The CLI as `npm install --global gitlore` gets it: its tarball alone, nothing else from the workspace.
const cliProject = join(work, 'cli')
const gitlore = join(cliProject, 'node_modules', '.bin', 'gitlore')
const installingCli = step('npm install the gitlore tarball alone', async () => {
  mkdirSync(cliProject)
  writeFileSync(join(cliProject, 'package.json'), '{ "private": true }\n')
  const cli = packages.find((entry) => entry.manifest.bin !== undefined)
  await sh(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', join(tarballs, cli.file)],
    {
      cwd: cliProject,
    },
  )
  const { stdout } = await sh('du', ['-sk', join(cliProject, 'node_modules')])
  const installed = readdirSync(join(cliProject, 'node_modules')).filter((name) => !name.startsWith('.')).length
  return `${installed} packages, ${(Number(stdout.split('\t')[0]) / 1024).toFixed(1)} MiB`
})

await Promise.all([installing, generating, installingCli])
if (failures.length > 0) finish()

await step('gitlore --help', async () => {
  const { stdout } = await sh(gitlore, ['--help'])
  if (!stdout.includes('Usage: gitlore <command>')) throw new Error(`unexpected help:\n${stdout}`)
})

await step('gitlore analyze --offline on the generated repository', async () => {
  const dir = repositoryCopy('offline')
  const { stderr } = await sh(gitlore, ['analyze', '--offline', '--since', 'all'], { cwd: dir })
  for (const file of ['gitlore-report.md', 'gitlore-report.html']) {
    if (!existsSync(join(dir, file))) throw new Error(`${file} was not written:\n${stderr}`)
  }
  if (!readFileSync(join(dir, 'gitlore-report.md'), 'utf8').includes('src/db.ts'))
    throw new Error('the report misses src/db.ts')
  const { stdout: status } = await sh('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir })
  const untracked = status.split('\n').filter((line) => line.includes('.gitlore/'))
  if (untracked.length > 0) throw new Error(`.gitlore/ shows in git status: ${untracked.join(', ')}`)
  return stderr.trim().split('\n').at(-1)
})

// Every README's examples, run as a user would: TypeScript (tsc checks them below, Node runs them with
// its type stripping), in a repository where `gitlore context` has run, with no keys in the environment
// (so nothing reaches a hosted model), four at a time.
const readmes = ['README.md', ...packageDirs.map((dir) => join(dir.slice(root.length + 1), 'README.md'))]
const examples = readmes.flatMap((readme) =>
  codeBlocks(join(root, readme)).map((code, index) => ({
    name: `${readme.replace(/\/?README\.md$/, '').replaceAll('/', '-') || 'root'}-${index + 1}`,
    readme,
    code,
  })),
)
for (const example of examples) writeFileSync(join(project, 'examples', `${example.name}.ts`), example.code)
cpSync(join(root, 'scripts/release/llm-check.ts'), join(project, 'llm-check.ts'))
// Every entry point of every package, so tsc reads (and, with no skipLibCheck, checks) all shipped types.
const entryPoints = packages.flatMap(({ manifest }) =>
  Object.keys(manifest.exports ?? {})
    .filter((subpath) => !/\.[a-z0-9]+$/.test(subpath))
    .map((subpath) => `${manifest.name}${subpath.slice(1)}`),
)
writeFileSync(
  join(project, 'consumer.ts'),
  `${entryPoints.map((specifier, index) => `import * as package${index} from '${specifier}'`).join('\n')}\n\nexport const everything = [${entryPoints.map((_, index) => `package${index}`).join(', ')}]\n`,
)
writeFileSync(
  join(project, 'tsconfig.json'),
  `${JSON.stringify(
    {
      compilerOptions: {
        // As a Node.js user writes it: the default lib, Node's types, strict, and every .d.ts checked.
        target: 'es2023',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
      },
      include: ['*.ts', 'examples/*.ts'],
    },
    null,
    2,
  )}\n`,
)

const runningExamples = step(`run the ${examples.length} examples of ${readmes.length} READMEs`, async () => {
  const base = repositoryCopy('examples-base')
  await sh(gitlore, ['context', '--git-only'], { cwd: base })
  const pending = [...examples]
  const failed = []
  const worker = async () => {
    for (let example = pending.shift(); example !== undefined; example = pending.shift()) {
      const file = join(project, 'examples', `${example.name}.ts`)
      const dir = join(work, 'repositories', example.name)
      cpSync(base, dir, { recursive: true })
      await sh(process.execPath, ['--experimental-strip-types', '--no-warnings', file], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: home },
      }).catch((error) => failed.push(`${example.readme} example ${example.name}: ${error.stderr || error.message}`))
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
  if (failed.length > 0) throw new Error(failed.join('\n'))
  return examples.map((example) => example.name).join(', ')
})

const checkingModels = step('an LLM stage and the installed gitlore against the loopback model server', async () => {
  const { stdout } = await sh(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      'llm-check.ts',
      gitlore,
      repositoryCopy('llm'),
      firstLine('classifier_system.txt'),
      firstLine('synthesis_system.txt'),
    ],
    { cwd: project, env: { PATH: process.env.PATH, HOME: home } },
  )
  return stdout.trim()
})

const checkingTypes = step('tsc --noEmit, moduleResolution nodenext, no skipLibCheck', async () => {
  await sh(join(root, 'node_modules', '.bin', 'tsc'), ['-p', project])
  return `${entryPoints.length} entry points, ${examples.length} examples, llm-check.ts`
})
await Promise.all([runningExamples, checkingModels, checkingTypes])
finish()

/** Prints the tables and the verdict, removes the temporary files (unless --keep) and exits. */
function finish() {
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`
  console.log('\n| package | packed | unpacked | files |\n| --- | --: | --: | --: |')
  for (const entry of packages.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))) {
    console.log(
      `| ${entry.manifest.name} | ${kib(entry.packedBytes)} | ${kib(entry.unpackedBytes)} | ${entry.files.length} |`,
    )
  }
  console.log('\n| step | time | result |\n| --- | --: | --- |')
  for (const timing of timings)
    console.log(`| ${timing.name} | ${(timing.ms / 1000).toFixed(1)} s | ${timing.detail} |`)

  if (keep) console.log(`\nkept ${work}`)
  else rmSync(work, { recursive: true, force: true })
  if (failures.length > 0) {
    console.error(`\nrelease check failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}`)
    process.exit(1)
  }
  console.log('\nrelease check passed')
  process.exit(0)
}
