import { execFile } from 'node:child_process'

/**
 * Configuration that keeps every git command read-only, local and free of external helpers
 * whatever the repository's `.git/config` says: no file-system monitor hook, no hooks at all, no
 * transport (a partial clone cannot fetch), no signature checks (gpg), no mailmap or ignore-revs
 * files read from configured paths, no global attributes. Passed through GIT_CONFIG_COUNT, so a
 * key or value is never parsed out of an `-c key=value` string.
 */
const safetyConfig: readonly (readonly [string, string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.quotePath', 'false'],
  ['core.attributesFile', '/dev/null'],
  ['protocol.allow', 'never'],
  ['color.ui', 'false'],
  ['log.showSignature', 'false'],
  ['log.mailmap', 'false'],
  ['blame.ignoreRevsFile', ''],
]

/** Filter drivers (`filter.<name>.clean`, `smudge`, `process`) turned off, as config pairs. */
function disabledFilters(names: Iterable<string>): (readonly [string, string])[] {
  return [...names].flatMap((name) => [
    [`filter.${name}.clean`, ''] as const,
    [`filter.${name}.smudge`, ''] as const,
    [`filter.${name}.process`, ''] as const,
    [`filter.${name}.required`, 'false'] as const,
  ])
}

function environment(config: readonly (readonly [string, string])[]): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {}
  // GIT_DIR, GIT_WORK_TREE, GIT_EXTERNAL_DIFF, GIT_CONFIG_* and friends from the caller's shell
  // must not redirect or widen what the tools run.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) result[name] = value
  Object.assign(result, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_PAGER: 'cat',
    GIT_CONFIG_COUNT: String(config.length),
  })
  config.forEach(([key, value], index) => {
    result[`GIT_CONFIG_KEY_${index}`] = key
    result[`GIT_CONFIG_VALUE_${index}`] = value
  })
  return result
}

/** The filter drivers the repository's configuration (any scope) defines, by name. */
function configuredFilters(root: string): Promise<Set<string>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['--no-pager', 'config', '-z', '--name-only', '--get-regexp', '^filter\\.'],
      { cwd: root, env: environment(safetyConfig), encoding: 'buffer', timeout: 10_000, maxBuffer: 1024 * 1024 },
      (_error, stdout) => {
        const names = new Set<string>()
        for (const key of stdout.toString('utf8').split('\0')) {
          const match = /^filter\.(.+)\.[^.]+$/s.exec(key)
          if (match?.[1] !== undefined) names.add(match[1])
        }
        resolve(names)
      },
    )
  })
}

const environments = new Map<string, Promise<NodeJS.ProcessEnv>>()

/**
 * The environment git runs with in `root`: the caller's variables without any GIT_*, and the
 * safety configuration plus every filter driver the repository configures switched off. Diff
 * drivers (textconv, external diff) are switched off by `--no-textconv` and `--no-ext-diff` on
 * every command that diffs; blame reads HEAD, never the working tree, so clean filters have
 * nothing to run on either. Computed once per repository.
 */
export function gitEnvironment(root: string): Promise<NodeJS.ProcessEnv> {
  let found = environments.get(root)
  if (found === undefined) {
    found = configuredFilters(root).then((names) => environment([...safetyConfig, ...disabledFilters(names)]))
    environments.set(root, found)
  }
  return found
}
