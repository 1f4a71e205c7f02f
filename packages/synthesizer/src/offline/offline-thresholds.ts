/** The limits the offline synthesizer applies before it states something as a finding. */
export interface OfflineThresholds {
  /** Non-merge commits below which the window is too thin for any statistical finding. */
  readonly minCommits: number
  /** Fix-after count from which a file counts as fix-prone. */
  readonly minFixes: number
  /** Fix-after count at which a fix-prone hot file is high severity on its own. */
  readonly manyFixes: number
  /** How many of the busiest files (by commits) count as hot. */
  readonly hotspotCount: number
  /** Commits a file needs before it can count as hot. */
  readonly minHotspotCommits: number
  /** Coupling degree from which a pair is strongly coupled. */
  readonly minCouplingDegree: number
  /** Shared commits a strongly coupled pair needs. */
  readonly minCouplingShared: number
  /** Coupling degree at which a pair across top-level directories is high severity. */
  readonly highCouplingDegree: number
  /** Largest group of coupled files reported as one cluster; larger groups are reported pair by pair. */
  readonly maxClusterFiles: number
  /** Coupling partners from which a file is reported as a hub. */
  readonly minHubPartners: number
  /** Coupling partners at which a hub is medium rather than low severity. */
  readonly manyHubPartners: number
  /** Non-merge commits needed before commit-message shares are stated as conventions. */
  readonly minConventionCommits: number
  /** Share of subjects in Conventional Commits form from which it is stated as the convention. */
  readonly conventionalShare: number
  /** Share of subjects in Conventional Commits form at which the convention is medium severity. */
  readonly strongConventionShare: number
  /** Share of subjects ending in `(#123)` from which it is stated as the convention. */
  readonly prSuffixShare: number
  /** Share of co-authored commits from which pairing credit is mentioned. */
  readonly coAuthoredShare: number
  /** Distinct authors needed before ownership and people concentration mean anything. */
  readonly minTeamAuthors: number
  /** Non-merge commits needed before ownership and people concentration are stated. */
  readonly minTeamCommits: number
  /** Commits a path needs before its single owner is reported. */
  readonly minOwnedCommits: number
  /** Files an inactive author must be the main author of before their knowledge loss is reported. */
  readonly minLostFiles: number
  /** Main-author share of a directory at which its bus factor 1 is high severity. */
  readonly highOwnershipShare: number
  /** Share of all commits by the top contributor from which it is reported. */
  readonly peopleShare: number
  /** Share of all commits by the top contributor at which it is high severity. */
  readonly highPeopleShare: number
  /** Most findings one rule (fragile files, coupling, hubs, owners) contributes; the rest go to a note. */
  readonly maxFindingsPerRule: number
  /** Comments a review theme needs before it is stated as a finding. */
  readonly minThemeComments: number
  /** Pull requests a review theme must span before it is stated as a finding. */
  readonly minThemePullRequests: number
  /** Pull requests at which a risky theme (bugs, security, error handling, performance) is high severity. */
  readonly highThemePullRequests: number
  /** Submitted reviews needed before review load is judged. */
  readonly minReviews: number
  /** Share of reviews by the busiest reviewer from which review load is reported as concentrated. */
  readonly reviewLoadShare: number
  /** Share of reviews by the busiest reviewer at which concentration is high severity. */
  readonly highReviewLoadShare: number
  /** Review comments on a top-level directory needed before its main reviewer is named. */
  readonly minAreaComments: number
  /** Share of a directory's review comments by one reviewer from which they are "the one to ask". */
  readonly areaReviewerShare: number
  /** Median hours to a first review from which waiting for review is reported. */
  readonly slowFirstReviewHours: number
  /** Pull requests with a measured first review needed before the wait is reported. */
  readonly minTimedReviews: number
}

/** The offline synthesizer's defaults; each value says why it was chosen. */
export const defaultOfflineThresholds: OfflineThresholds = {
  // Below five commits every share is a coin toss and every file is a "hotspot".
  minCommits: 5,
  // One fix shortly after a change is ordinary; a second one on the same file is a pattern.
  minFixes: 2,
  // Four quick fixes on one of the busiest files is a clear landmine even without a revert.
  manyFixes: 4,
  // Churn alone is a weak sign of fragility: point at the three busiest files, not a list.
  hotspotCount: 3,
  // A file touched fewer than five times is not busy, whatever its rank in a small window.
  minHotspotCommits: 5,
  // From 0.5 the two files share at least half of their (average) changes: missing one is likely.
  minCouplingDegree: 0.5,
  // The analyzer's own default minimum: fewer shared commits can be a one-off refactor.
  minCouplingShared: 3,
  // At 0.8 the files almost always change together; across top-level directories that is a hidden dependency.
  highCouplingDegree: 0.8,
  // Beyond eight files a "cluster" is usually a chain of unrelated pairs joined through a busy file.
  maxClusterFiles: 8,
  // Five partners means a change to the file regularly ripples into several others.
  minHubPartners: 5,
  // Ten partners means it is on the path of most changes in its area.
  manyHubPartners: 10,
  // Shares over fewer than ten subjects swing by 10+ points per commit.
  minConventionCommits: 10,
  // Over half the subjects is a habit a contributor is expected to follow.
  conventionalShare: 0.5,
  // Four in five is a rule; tooling (changelogs, release notes) often depends on it.
  strongConventionShare: 0.8,
  // Over half the subjects ending in (#123) means changes land through pull requests.
  prSuffixShare: 0.5,
  // One commit in ten credits a co-author: pairing is a visible practice.
  coAuthoredShare: 0.1,
  // With one author every path has bus factor 1 by construction; that says nothing.
  minTeamAuthors: 2,
  // Fewer than ten commits cannot show how work is spread across people.
  minTeamCommits: 10,
  // Owning a file with fewer than five commits is owning very little knowledge.
  minOwnedCommits: 5,
  // Three files nobody active knows is a pattern worth planning for; one is a curiosity.
  minLostFiles: 3,
  // A directory where one person wrote four in five commits is an area only they know.
  highOwnershipShare: 0.8,
  // One person writing over half of all commits is the team's single point of failure.
  peopleShare: 0.5,
  // Four in five commits from one person: the project effectively has one maintainer.
  highPeopleShare: 0.8,
  // Ten of a kind is what a reader acts on; the context keeps the full lists.
  maxFindingsPerRule: 10,
  // Three reviewers' remarks saying the same thing is a pattern; two can be one person's habit.
  minThemeComments: 3,
  // A theme inside a single PR is one discussion, not a lesson the team keeps repeating.
  minThemePullRequests: 2,
  // Raised on four PRs, the next person to touch these files will hear it too: treat it as a landmine.
  highThemePullRequests: 4,
  // Fewer than ten reviews cannot show how review work is spread.
  minReviews: 10,
  // One person giving half the reviews is the team's review bottleneck.
  reviewLoadShare: 0.5,
  // Seven in ten reviews by one person: reviews stall when they are away.
  highReviewLoadShare: 0.7,
  // Five comments on an area show who reviews it; fewer is chance.
  minAreaComments: 5,
  // Three in five comments on an area from one reviewer: they hold its unwritten rules.
  areaReviewerShare: 0.6,
  // A day without a first review is a day a change sits idle.
  slowFirstReviewHours: 24,
  // A median over fewer than five pull requests swings with one slow review.
  minTimedReviews: 5,
}
