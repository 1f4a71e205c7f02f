import type { PersonStats, RepositoryContext, ReviewStats } from '@gitlore/core'
import { noreplyLogin } from './github-login-identities.js'
import type { ReviewActivity } from './reviewer-activity.js'

/** A person of the context with their review activity (all zero when no GitHub login matched them). */
export interface ReviewedPersonStats extends PersonStats {
  /** The GitHub login matched to this identity, when one was. */
  readonly login?: string
  /** Reviews submitted on others' pull requests. */
  readonly reviewsGiven: number
  /** Review comments on others' pull requests, replies included. */
  readonly commentsGiven: number
  readonly prsAuthored: number
}

/** The `gitlore context` document with review data: people gain review activity, `reviews` holds the statistics. */
export interface ReviewedRepositoryContext extends Omit<RepositoryContext, 'people'> {
  readonly people: readonly ReviewedPersonStats[]
  readonly reviews: ReviewStats
}

/**
 * Adds review statistics to a context: `reviews` is set, and each person gains `reviewsGiven`,
 * `commentsGiven` and `prsAuthored` through the GitHub login matched to their identity. A login
 * matches an identity through `loginToIdentity` (e.g. from `githubLoginIdentities`; keys compared
 * case-insensitively), else when the identity is that login's `users.noreply.github.com` address.
 * Logins matching nobody stay in `reviews.reviewers` and `reviews.authors` only. Pass `activity`
 * (`reviewActivity`, uncapped): without it the per-person numbers come from the capped lists in
 * `reviewStats` and people past the caps count zero. Identities merged into a person (the
 * context's `identities`) count as that person.
 */
export function mergeReviewPeople(
  context: RepositoryContext,
  reviewStats: ReviewStats,
  loginToIdentity: ReadonlyMap<string, string> = new Map(),
  activity: ReviewActivity = reviewStats,
): ReviewedRepositoryContext {
  const canonical = new Map(
    context.identities.flatMap((merge) => merge.aliases.map((alias) => [alias.identity, merge.identity] as const)),
  )
  const identityToLogin = new Map<string, string>()
  const logins = new Set([
    ...activity.reviewers.map((reviewer) => reviewer.login),
    ...activity.authors.map((author) => author.login),
  ])
  // Each login goes to one identity at most, so nobody's activity is counted twice.
  const assigned = new Set<string>()
  const assign = (identity: string, login: string) => {
    if (identityToLogin.has(identity) || assigned.has(login)) return
    identityToLogin.set(identity, login)
    assigned.add(login)
  }
  for (const login of logins) {
    const identity = loginToIdentity.get(login.toLowerCase()) ?? loginToIdentity.get(login)
    if (identity !== undefined) assign(canonical.get(identity) ?? identity, login)
  }
  const byLowerCase = new Map([...logins].map((login) => [login.toLowerCase(), login]))
  // A noreply address among a person's merged identities names their login too.
  for (const [identity, person] of [
    ...context.people.map((entry) => [entry.identity, entry.identity] as const),
    ...canonical,
  ]) {
    const login = byLowerCase.get(noreplyLogin(identity)?.toLowerCase() ?? '')
    if (login !== undefined) assign(person, login)
  }
  const reviewers = new Map(activity.reviewers.map((reviewer) => [reviewer.login, reviewer]))
  const authors = new Map(activity.authors.map((author) => [author.login, author.pullRequests]))
  const people = context.people.map((person): ReviewedPersonStats => {
    const login = identityToLogin.get(person.identity)
    const reviewer = login === undefined ? undefined : reviewers.get(login)
    return {
      ...person,
      ...(login === undefined ? {} : { login }),
      reviewsGiven: reviewer?.reviews ?? 0,
      commentsGiven: reviewer?.comments ?? 0,
      prsAuthored: login === undefined ? 0 : (authors.get(login) ?? 0),
    }
  })
  return { ...context, people, reviews: reviewStats }
}
