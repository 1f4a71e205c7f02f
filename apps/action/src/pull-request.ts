import { Octokit } from '@octokit/rest'

/** What `openOrUpdatePullRequest` needs to know. */
export interface PullRequestOptions {
  /** REST API base URL (`GITHUB_API_URL`). */
  readonly apiUrl: string
  readonly token: string
  readonly owner: string
  readonly repo: string
  /** The branch holding the changes (in the same repository). */
  readonly head: string
  /** The branch to merge into; empty for the repository's default branch. */
  readonly base: string
  readonly title: string
  readonly body: string
}

/** The pull request after the call. */
export interface PullRequestResult {
  readonly number: number
  readonly url: string
  /** True when it was opened now, false when an open one was updated. */
  readonly created: boolean
  readonly base: string
}

/**
 * Opens a pull request from `head`, or updates the title and text of the one already open from it,
 * so re-runs keep one pull request current instead of opening another each time.
 */
export async function openOrUpdatePullRequest(options: PullRequestOptions): Promise<PullRequestResult> {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'gitlore-action',
  })
  const { owner, repo } = options
  const base = options.base !== '' ? options.base : (await octokit.rest.repos.get({ owner, repo })).data.default_branch
  const open = await octokit.rest.pulls.list({
    owner,
    repo,
    head: `${owner}:${options.head}`,
    state: 'open',
    per_page: 1,
  })
  const existing = open.data[0]
  if (existing !== undefined) {
    const updated = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: existing.number,
      title: options.title,
      body: options.body,
    })
    return { number: updated.data.number, url: updated.data.html_url, created: false, base: updated.data.base.ref }
  }
  const created = await octokit.rest.pulls.create({
    owner,
    repo,
    head: options.head,
    base,
    title: options.title,
    body: options.body,
    maintainer_can_modify: true,
  })
  return { number: created.data.number, url: created.data.html_url, created: true, base }
}
