function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * Changelogs churn, couple and get reverted along with every change by construction; calling them
 * fragile or a hub would tell nobody anything. (Lock files are generated: the context marks them.)
 */
export function isHousekeepingFile(path: string): boolean {
  return /^(changelog|changes|history)(\.|$)/.test(baseName(path).toLowerCase())
}

/** Ownership entries ending in `/` are top-level directories. */
export function isDirectory(path: string): boolean {
  return path.endsWith('/')
}

/** The directory a file is in, with a trailing slash; "" for a root file. */
export function parentDirectory(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

/** The first path segment with a trailing slash; "" for a root file. */
export function topLevelDirectory(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? '' : path.slice(0, slash + 1)
}

/** The deepest directory (with trailing slash) containing every path; "" when only the root does. */
export function commonDirectory(paths: readonly string[]): string {
  const directories = paths.map(parentDirectory)
  let common = directories[0] ?? ''
  for (const directory of directories) {
    while (!directory.startsWith(common)) common = parentDirectory(common.slice(0, -1))
  }
  return common
}

const testMarker = /(^|[._-])(test|tests|spec)([._-]|$)|^test_/

function stem(path: string): string {
  return baseName(path)
    .toLowerCase()
    .replace(/\.[^.]+$/, '')
    .replace(/([._-](test|tests|spec))+$/, '')
    .replace(/^test_/, '')
}

/** True for a file and its own test (`pool.ts` and `pool.test.ts`), which change together by design. */
export function isTestPair(a: string, b: string): boolean {
  const aIsTest = testMarker.test(baseName(a).toLowerCase())
  const bIsTest = testMarker.test(baseName(b).toLowerCase())
  return aIsTest !== bIsTest && stem(a) === stem(b)
}
