import { appendFile, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { GitloreError, visibleText } from '@gitlore/core'
import { type ActionInputs, assistantFilePaths, readActionInputs } from './action-inputs.js'
import { commitAssistantFiles } from './commit-assistant-files.js'
import { deepenCheckout } from './deepen-checkout.js'
import { openOrUpdatePullRequest, type PullRequestResult } from './pull-request.js'
import { runCommand } from './run-command.js'

/** Where `runAction` runs: the Actions environment, and the gitlore CLI to run. */
export interface RunActionOptions {
  /** `GITHUB_*`, `RUNNER_TEMP`, `INPUT_*` and whatever gitlore reads (keys, `GITLORE_*`). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The gitlore CLI's entry (`apps/cli/bundle/bin.js` of the action's checkout). */
  readonly cli: string
  /** Where log lines go; default stderr. */
  readonly log?: (line: string) => void
}

/** What the action did. */
export interface ActionResult {
  /** 0 ok, 1 failed (gitlore could not analyse, or the pull request could not be made). */
  readonly exitCode: number
  /** gitlore's own exit code (0, or 3 for a degraded run, which the action reports as a warning). */
  readonly gitloreExitCode: number
  /** The folder uploaded as the artifact: the reports (or the organisation report and one folder per repository). */
  readonly reportDir: string
  /** Assistant files that changed. */
  readonly changedFiles: readonly string[]
  readonly pullRequest: PullRequestResult | null
}

const degradedExit = 3

/**
 * Where the pull request goes: the `repository` input, else the GitHub repository the workspace was
 * checked out from (a matrix job may check out another repository than the workflow's), else the
 * workflow's own (`GITHUB_REPOSITORY`).
 */
export async function pullRequestRepository(
  inputs: ActionInputs,
  workspace: string,
  env: RunActionOptions['env'],
): Promise<string> {
  if (inputs.repository !== '') return inputs.repository
  const remote = await runCommand('git', ['remote', 'get-url', 'origin'], {
    cwd: workspace,
    env: { ...env },
    log: () => {},
  })
  const host = env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).host : 'github.com'
  const match = new RegExp(
    `^(?:https://(?:[^@/]*@)?|git@)${host.replace(/\./g, '\\.')}[/:]([^/]+)/([^/]+?)(?:\\.git)?/?$`,
  ).exec(remote.stdout.trim())
  return match === null ? (env.GITHUB_REPOSITORY ?? '') : `${match[1]}/${match[2]}`
}

/** Appends `name=value` lines to the file GitHub reads step outputs from. */
async function setOutputs(env: RunActionOptions['env'], outputs: Record<string, string>): Promise<void> {
  if (!env.GITHUB_OUTPUT) return
  await appendFile(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([name, value]) => `${name}=${value.replace(/\r?\n/g, ' ')}\n`)
      .join(''),
  )
}

async function findingsSummary(reportDir: string): Promise<{ findings: number; high: number; themes: number } | null> {
  try {
    const document = JSON.parse(await readFile(join(reportDir, 'findings.json'), 'utf8')) as {
      findings?: { severity?: string }[]
      reviews?: { themes?: unknown[] }
    }
    const findings = document.findings ?? []
    return {
      findings: findings.length,
      high: findings.filter((finding) => finding.severity === 'high').length,
      themes: document.reviews?.themes?.length ?? 0,
    }
  } catch {
    return null
  }
}

/**
 * The pull request's text: what gitlore did and where the reports are. It holds gitlore's own sentences,
 * counts and file names only: no text from the repository, its reviews or a model.
 */
function pullRequestBody(
  inputs: ActionInputs,
  changed: readonly string[],
  summary: Awaited<ReturnType<typeof findingsSummary>>,
  runUrl: string | null,
  degraded: boolean,
): string {
  const lines = [
    `gitlore analysed the history${inputs.since === 'all' ? '' : ` of the last ${inputs.since}`} and the pull-request reviews of this repository and updated the assistant files, between their \`<!-- gitlore:begin -->\` and \`<!-- gitlore:end -->\` markers (anything outside them is untouched):`,
    '',
    ...changed.map((file) => `- \`${file}\``),
    '',
  ]
  if (summary !== null)
    lines.push(
      `The run found ${summary.findings} findings (${summary.high} of high severity) and ${summary.themes} recurring review themes.`,
    )
  if (degraded) lines.push('Some stages ran with a fallback (see the run log); the files may say less than usual.')
  if (runUrl !== null) lines.push(`The reports are attached to the workflow run as an artifact: ${runUrl}`)
  lines.push('', 'Re-running the workflow updates this pull request; close it to skip this round.')
  return lines.join('\n')
}

/**
 * The action: `gitlore analyze` on the checked-out repository with the reports going to a folder the
 * workflow uploads as an artifact, then each assistant file rendered from that same run into the
 * repository, and, when they changed, committed to the action's branch and proposed in a pull request
 * (opened, or updated when one is open from that branch). With `repos`, the organisation run instead,
 * and no pull request. Sets the step outputs `report-dir`, `exit-code`, `pull-request-number`,
 * `pull-request-url` and appends a summary to the job's page.
 */
export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const { env, cli } = options
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const inputs = readActionInputs(env)
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
  const reportDir = resolve(env.RUNNER_TEMP ?? join(workspace, '.gitlore'), 'gitlore-reports')
  // gitlore reads reviews with the action's token unless the workflow gave it one, and from the same GitHub.
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    ...(env.GITHUB_TOKEN || env.GH_TOKEN || inputs.token === '' ? {} : { GITHUB_TOKEN: inputs.token }),
    ...(env.GITLORE_GITHUB_API_URL || !env.GITHUB_API_URL ? {} : { GITLORE_GITHUB_API_URL: env.GITHUB_API_URL }),
  }
  const gitlore = (args: readonly string[]) =>
    runCommand(process.execPath, [cli, ...args], { cwd: workspace, env: childEnv, log })

  const analyzeArgs =
    inputs.repos === ''
      ? [
          'analyze',
          '--repo',
          workspace,
          '--since',
          inputs.since,
          '--format',
          inputs.reports.join(','),
          '--out',
          reportDir,
        ]
      : [
          'analyze',
          '--repos',
          resolve(workspace, inputs.repos),
          '--since',
          inputs.since,
          '--out',
          reportDir,
          ...(inputs.rollUpOnly ? ['--rollup-only'] : []),
        ]
  if (inputs.repos === '') {
    const deepened = await deepenCheckout({
      dir: workspace,
      since: inputs.since,
      env: { ...env, GIT_TERMINAL_PROMPT: '0' },
      log,
    })
    if (deepened === 'deepened') log(`gitlore: fetched the history since ${inputs.since} into the shallow checkout`)
  }
  log(`gitlore: ${analyzeArgs.join(' ')}`)
  const analysed = await gitlore(analyzeArgs)
  const degraded = analysed.code === degradedExit
  const failed = analysed.code !== 0 && !degraded
  if (degraded) log('::warning title=gitlore::the run finished with a degraded stage; see the lines above')
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : null

  let changed: readonly string[] = []
  let pullRequest: PullRequestResult | null = null
  let problem: string | null = failed ? `gitlore analyze exited ${analysed.code}` : null
  if (!failed && inputs.repos === '' && inputs.assistantFiles.length > 0) {
    for (const format of inputs.assistantFiles) {
      const rendered = await gitlore(['render', format, '--repo', workspace, '--out', workspace])
      if (rendered.code !== 0) problem ??= `gitlore render ${format} exited ${rendered.code}`
    }
    const files = inputs.assistantFiles.map((format) => assistantFilePaths[format])
    if (problem === null && inputs.pullRequest) {
      try {
        const [owner, repo] = (await pullRequestRepository(inputs, workspace, env)).split('/')
        if (!owner || !repo)
          throw new Error('no repository for the pull request: set the repository input to owner/name')
        if (inputs.token === '')
          throw new Error('no github-token: give the action a token that may push and open pull requests')
        const committed = await commitAssistantFiles({
          dir: workspace,
          files,
          branch: inputs.branch,
          message: 'Update the assistant files from gitlore',
          env: { ...env, GIT_TERMINAL_PROMPT: '0' },
          log,
        })
        changed = committed.changed
        if (committed.commit === null) {
          log('gitlore: the assistant files are up to date; no pull request needed')
        } else {
          pullRequest = await openOrUpdatePullRequest({
            apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
            token: inputs.token,
            owner,
            repo,
            head: inputs.branch,
            base: inputs.base,
            title: 'Update the assistant files from gitlore',
            body: pullRequestBody(inputs, changed, await findingsSummary(reportDir), runUrl, degraded),
          })
          log(
            `gitlore: ${pullRequest.created ? 'opened' : 'updated'} pull request #${pullRequest.number}: ${pullRequest.url}`,
          )
        }
      } catch (error) {
        const message = GitloreError.isInstance(error) || error instanceof Error ? error.message : String(error)
        problem = `the pull request could not be made: ${visibleText(message.split('\n')[0] ?? '', { multiline: false })}`
      }
    }
  }
  if (problem !== null) log(`::error title=gitlore::${problem}`)

  await setOutputs(env, {
    'report-dir': reportDir,
    'exit-code': String(analysed.code),
    'pull-request-number': pullRequest === null ? '' : String(pullRequest.number),
    'pull-request-url': pullRequest?.url ?? '',
  })
  if (env.GITHUB_STEP_SUMMARY) {
    const summary = inputs.repos === '' ? await findingsSummary(reportDir) : null
    const lines = [
      '### gitlore',
      '',
      failed
        ? `gitlore analyze failed (exit ${analysed.code}).`
        : `gitlore analyze finished${degraded ? ' with a degraded stage' : ''}.`,
      ...(summary === null
        ? []
        : [`${summary.findings} findings (${summary.high} high), ${summary.themes} review themes.`]),
      ...(changed.length === 0 ? [] : [`Assistant files changed: ${changed.map((file) => `\`${file}\``).join(', ')}.`]),
      ...(pullRequest === null ? [] : [`Pull request: ${pullRequest.url}`]),
      ...(problem === null ? [] : [`Problem: ${problem}`]),
      '',
    ]
    await appendFile(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`)
  }
  return {
    exitCode: problem === null ? 0 : 1,
    gitloreExitCode: analysed.code,
    reportDir,
    changedFiles: changed,
    pullRequest,
  }
}
