import type { FailingTest } from './failing-test.js'

const testFile = /([\w./@-]+\.(?:test|spec)\.[cm]?[jt]sx?)|([\w./@-]+\/__tests__\/[\w./@-]+\.[cm]?[jt]sx?)/
// Vitest: ` FAIL  src/a.test.ts > suite > name` (a project may prefix `|name| `).
const vitestFail = /^\s*FAIL\s+(?:\|[^|]+\|\s+)?(\S+\.[cm]?[jt]sx?) > (.+?)(?:\s+\[[^\]]*\])?$/
// Jest: `FAIL src/a.test.js` opens a file; `  ● suite › name` names a failed test in it.
const jestFile = /^\s*FAIL\s+(\S+\.[cm]?[jt]sx?)(?:\s+\(.*\))?$/
const jestTest = /^\s*● (.+)$/

/** Vitest's `FAIL file > suite > test` lines. */
export function parseVitest(lines: readonly string[]): FailingTest[] {
  const found: FailingTest[] = []
  for (const line of lines) {
    const match = vitestFail.exec(line)
    if (match && testFile.test(match[1] as string)) {
      found.push({ test: `${match[1]} > ${match[2]}`, file: match[1] as string, runner: 'vitest' })
    }
  }
  return found
}

/** Jest's `FAIL file` headers and the `● suite › test` lines under them. */
export function parseJest(lines: readonly string[]): FailingTest[] {
  const found: FailingTest[] = []
  let file: string | null = null
  for (const line of lines) {
    const header = jestFile.exec(line)
    if (header && !line.includes(' > ')) {
      file = header[1] as string
      continue
    }
    const test = jestTest.exec(line)
    if (test && file !== null && !/^Test suite failed to run/.test(test[1] as string)) {
      found.push({ test: `${file} > ${(test[1] as string).split(' › ').join(' > ')}`, file, runner: 'jest' })
    }
  }
  return found
}
