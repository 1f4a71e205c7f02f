import type { TestRunner } from '@gitlore/core'

/** A test a runner reported as failed. */
export interface FailingTest {
  /** The runner's own id of the test. */
  readonly test: string
  /** The test file, when the runner names it. */
  readonly file: string | null
  readonly runner: TestRunner
}
