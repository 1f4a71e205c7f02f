import type { CiStats } from '@gitlore/core'
import { sha } from '@gitlore/fixtures'

const test = {
  runner: 'pytest' as const,
  workflow: 'CI',
  job: 'unit',
  runs: 40,
  alternations: 0,
  lastFailedAt: '2024-03-20T10:00:00.000Z',
}

/** CI statistics of a team whose test_ops.py is flaky and whose parser changes broke main twice. */
export const ciStats: CiStats = {
  defaultBranch: 'main',
  runs: 40,
  attempts: 47,
  jobs: 94,
  logs: { stored: 10, expired: 1, unavailable: 0 },
  workflows: [
    { workflow: 'CI', path: '.github/workflows/ci.yml', runs: 40, failures: 6, failureRate: 0.15, reruns: 7 },
  ],
  jobStats: [
    { workflow: 'CI', job: 'unit', runs: 40, failures: 6, failureRate: 0.15, rerunPassed: 6, alternations: 0 },
    { workflow: 'CI', job: 'lint', runs: 40, failures: 0, failureRate: 0, rerunPassed: 0, alternations: 0 },
  ],
  tests: [
    {
      ...test,
      test: 'test/test_ops.py::test_conv2d',
      file: 'test/test_ops.py',
      failedRuns: 7,
      reruns: 7,
      rerunPassed: 6,
      flaky: true,
      lastFailedSha: sha('f1'),
    },
    {
      ...test,
      test: 'test/test_parser.py::test_parse_empty',
      file: 'test/test_parser.py',
      failedRuns: 3,
      reruns: 1,
      rerunPassed: 0,
      flaky: false,
      lastFailedSha: sha('b2'),
    },
  ],
  timeToGreen: { median: 17.02, p90: 20, count: 2 },
  redCommits: [
    {
      sha: sha('b2'),
      workflow: 'CI',
      runId: 9_000_024,
      url: 'https://github.com/octo/app/actions/runs/9000024',
      failedAt: '2024-03-15T10:00:00.000Z',
      author: 'bob@example.com',
      subject: 'Speed up tokenizer',
      files: ['src/parser.py', 'src/util.py'],
      tests: ['test/test_parser.py::test_parse_empty'],
      greenAt: '2024-03-16T03:00:00.000Z',
      greenSha: sha('c3'),
      repairedBy: 'carol@example.com',
    },
    {
      sha: sha('b1'),
      workflow: 'CI',
      runId: 9_000_010,
      url: 'https://github.com/octo/app/actions/runs/9000010',
      failedAt: '2024-03-05T10:00:00.000Z',
      author: 'alice@example.com',
      subject: 'Parse unicode',
      files: ['src/parser.py'],
      tests: [],
      greenAt: '2024-03-06T03:00:00.000Z',
      greenSha: sha('c1'),
      repairedBy: 'carol@example.com',
    },
  ],
  repairers: [{ identity: 'carol@example.com', repairs: 2 }],
}
