import type { create } from 'xmlbuilder2'
import type { CiSummary } from '../json/ci-summary.js'

type XmlNode = ReturnType<typeof create>

/** Attributes for the values that are present (null left out), as strings. */
function attributes(values: Readonly<Record<string, string | number | boolean | null>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null)
      .map(([key, value]) => [key, String(value)]),
  )
}

/** The `<ci>` element of findings.xml (schema/findings.v1.xsd, type `ci`). */
export function ciElement(root: XmlNode, ci: CiSummary): void {
  const element = root.ele(
    'ci',
    attributes({
      defaultBranch: ci.defaultBranch,
      runs: ci.runs,
      attempts: ci.attempts,
      jobs: ci.jobs,
      logsStored: ci.logs.stored,
      logsExpired: ci.logs.expired,
      logsUnavailable: ci.logs.unavailable,
    }),
  )
  if (ci.totals !== null) element.ele('totals', attributes({ ...ci.totals }))
  for (const workflow of ci.workflows) element.ele('workflow', attributes({ ...workflow }))
  for (const job of ci.failingJobs) element.ele('job', attributes({ ...job }))
  for (const test of ci.tests) {
    const { test: name, file, ...counts } = test
    const item = element.ele('test', attributes({ ...counts, file }))
    item.ele('name').txt(name)
  }
  for (const red of ci.redCommits) {
    const { files, tests, subject, ...facts } = red
    const item = element.ele('redCommit', attributes({ ...facts }))
    if (subject !== null) item.ele('subject').txt(subject)
    for (const file of files) item.ele('file').txt(file)
    for (const test of tests) item.ele('test').txt(test)
  }
  element.ele('timeToGreen', attributes({ ...ci.timeToGreen }))
  for (const repairer of ci.repairers) element.ele('repairer', attributes({ ...repairer }))
}
