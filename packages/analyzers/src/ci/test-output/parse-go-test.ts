import type { FailingTest } from './failing-test.js'

const failedTest = /^\s*--- FAIL: (\S+) \(/
// `FAIL	example.com/app/parser	0.012s` ends a package's output.
const failedPackage = /^FAIL\s+(\S+)\s+[\d.]+s$/
const okPackage = /^ok\s+(\S+)\s/

/** go test's `--- FAIL: TestX` lines, named by the package whose `FAIL pkg` line follows them. */
export function parseGoTest(lines: readonly string[]): FailingTest[] {
  const found: FailingTest[] = []
  let pending: string[] = []
  for (const line of lines) {
    const test = failedTest.exec(line)
    if (test) {
      pending.push(test[1] as string)
      continue
    }
    const failed = failedPackage.exec(line)
    if (failed) {
      for (const name of pending) found.push({ test: `${failed[1]}.${name}`, file: null, runner: 'go' })
      pending = []
    } else if (okPackage.test(line)) pending = []
  }
  for (const name of pending) found.push({ test: name, file: null, runner: 'go' })
  return found
}
