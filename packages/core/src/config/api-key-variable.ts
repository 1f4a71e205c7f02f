// Credentials of clouds, source hosts, CI systems, package registries and other services that no
// model server needs: naming one in api_key_env would send it to base_url as a bearer token.
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

const keyLike = /^[A-Z][A-Z0-9_]{0,63}_(?:KEY|TOKEN)$/

/**
 * Why `[providers.*] api_key_env` may not name this variable, or null when it may. The variable's
 * value is sent to the provider's base_url as a bearer token, so even the user's own configuration
 * may name only something that looks like a model server's key (`..._API_KEY`, `..._KEY`,
 * `..._TOKEN`) and never a well-known cloud, CI, registry or source-hosting credential: a typo or a
 * pasted configuration then cannot ship `AWS_SECRET_ACCESS_KEY` or `GITHUB_TOKEN` to a model server.
 */
export function apiKeyVariableProblem(name: string): string | null {
  if (name === '') return null
  if (!keyLike.test(name)) {
    return `"${name}" does not look like an API key variable: name one in capitals ending in _API_KEY, _KEY or _TOKEN (its value is sent to base_url)`
  }
  const prefix = credentialPrefixes.find((candidate) => name.startsWith(candidate))
  if (prefix !== undefined) {
    return `"${name}" is a cloud, CI, registry or source-hosting credential (${prefix}*), which gitlore never sends to a model server: put the server's key in its own variable`
  }
  return null
}
