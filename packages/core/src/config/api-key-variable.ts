// Credentials of clouds, source hosts, CI systems, package registries and other services that no
// model server or cache database needs: naming one in a `*_env` key would send it to the host that key's table names.
const credentialPrefixes = [
  'AWS_',
  'AZURE_',
  'ARM_',
  'GOOGLE_',
  'GCP_',
  'GCLOUD_',
  'CLOUDSDK_',
  'ALIBABA_',
  'ALICLOUD_',
  'OCI_',
  'IBMCLOUD_',
  'DIGITALOCEAN_',
  'HEROKU_',
  'CLOUDFLARE_',
  'CF_',
  'VERCEL_',
  'NETLIFY_',
  'FLY_',
  'GITHUB_',
  'GH_',
  'GITLAB_',
  'BITBUCKET_',
  'GITEA_',
  'CI_',
  'ACTIONS_',
  'RUNNER_',
  'CIRCLE',
  'TRAVIS_',
  'BUILDKITE_',
  'JENKINS_',
  'NPM_',
  'NODE_AUTH_',
  'YARN_',
  'PYPI_',
  'TWINE_',
  'CARGO_',
  'GEM_',
  'NUGET_',
  'DOCKER_',
  'SSH_',
  'GPG_',
  'VAULT_',
  'CONSUL_',
  'NOMAD_',
  'TF_',
  'KUBE',
  'STRIPE_',
  'TWILIO_',
  'SLACK_',
  'SENTRY_',
  'CODECOV_',
  'SNYK_',
  'SONAR_',
  'OP_',
]

/** What each `*_env` key's variable is for: the names it may take and where its value goes. */
const variableRoles = {
  api_key: {
    shape: /^[A-Z][A-Z0-9_]{0,63}_(?:KEY|TOKEN)$/,
    looksLike: 'an API key variable',
    endings: '_API_KEY, _KEY or _TOKEN',
    goesTo: 'its value is sent to base_url',
    destination: 'a model server',
    instead: "put the server's key in its own variable",
  },
  url: {
    shape: /^[A-Z][A-Z0-9_]{0,63}_(?:URL|URI|DSN)$/,
    looksLike: 'a database URL variable',
    endings: '_URL, _URI or _DSN',
    goesTo: 'gitlore connects to the URL it holds',
    destination: 'a database',
    instead: "put the cache's URL in its own variable",
  },
  password: {
    shape: /^(?:[A-Z][A-Z0-9_]{0,63})?(?:PASSWORD|_PASS|_PASSWD|_PWD)$/,
    looksLike: 'a password variable',
    endings: 'PASSWORD, _PASS or _PWD',
    goesTo: 'its value is sent to the cache database',
    destination: 'a database',
    instead: "put the cache's password in its own variable",
  },
} as const

/** What an environment variable named by a configuration key is for. */
export type VariableRole = keyof typeof variableRoles

/**
 * Why a `*_env` key may not name this variable, or null when it may (empty means unset). Every
 * such key sends the variable's value somewhere (`api_key_env` to a model server as a bearer
 * token, `[cache] password_env` to the cache database, `[cache] url_env` is where gitlore
 * connects), so even the user's own configuration may name only a variable shaped for that role
 * and never a well-known cloud, CI, registry or source-hosting credential: a typo or a pasted
 * configuration then cannot ship `AWS_SECRET_ACCESS_KEY` or `GITHUB_TOKEN` to a host it names.
 */
export function variableNameProblem(role: VariableRole, name: string): string | null {
  if (name === '') return null
  const rule = variableRoles[role]
  const prefix = credentialPrefixes.find((candidate) => name.startsWith(candidate))
  if (prefix !== undefined) {
    return `"${name}" is a cloud, CI, registry or source-hosting credential (${prefix}*), which gitlore never sends to ${rule.destination}: ${rule.instead}`
  }
  if (!rule.shape.test(name)) {
    return `"${name}" does not look like ${rule.looksLike}: name one in capitals ending in ${rule.endings} (${rule.goesTo})`
  }
  return null
}

/** Why `[providers.*] api_key_env` may not name this variable, or null when it may. */
export function apiKeyVariableProblem(name: string): string | null {
  return variableNameProblem('api_key', name)
}
