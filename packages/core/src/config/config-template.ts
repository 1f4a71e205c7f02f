/**
 * The gitlore.toml that `gitlore init` writes: every key commented out at its default, so the file
 * changes nothing (a key written out would override the user's own configuration) until a key is
 * uncommented.
 */
export const configTemplate = `# gitlore configuration. Every key is optional and shown commented out at its default: uncomment
# a key to set it for this repository (it then overrides your own ~/.config/gitlore/gitlore.toml).
# Environment variables GITLORE_<SECTION>_<KEY> (e.g. GITLORE_ANALYSIS_SINCE=30d) and command-line
# flags override this file. Secrets (GITHUB_TOKEN, OPENROUTER_API_KEY, OPENAI_API_KEY) are read
# from the environment or .env files only, never from here.
#
# Keys marked "user-only" decide where secrets are sent or where files are written. A repository's
# own gitlore.toml may set them only after you trust it with \`gitlore trust\` (until the file
# changes); your own ~/.config/gitlore/gitlore.toml, --config, GITLORE_* variables and flags always may.

[analysis]
# since = "90d"              # a duration back from until (90d, 12w, 1y), an ISO date, or "all"
# until = ""                 # ISO date; empty means now
# git_backend = "auto"       # auto | isomorphic | cli (auto uses the git binary when present)
# max_changeset_size = 30    # coupling ignores commits touching more files than this
# min_shared_commits = 3     # coupling pairs need at least this many shared commits
# fix_window_days = 7        # a fix counts when the file changed this many days before it
# top = 100                  # cap each list at this many entries (never fewer than 20)
# include_generated = false  # count generated/vendored files (lock files, autogen, .min.js...) in judgements
# include_automation = false # count bot and release commits in ownership and bus factor
# merge_identities = true    # merge one person's emails (same name, GitHub noreply, GitHub login)
# inactive_days = 180        # an author without commits for this long counts as gone (knowledge loss)

[github]
# repo = ""                  # user-only; owner/name; default: parsed from the origin remote
# api_url = "https://api.github.com"   # user-only
# clone_url = ""              # user-only; where analyze --repos clones owner/name: a URL with {owner} and {name}
# extra_bots = []            # logins, names or emails to treat as bots (reviews and commits)

[models]
# classifier = "openrouter/google/gemini-3-flash-preview"
# embedding = "openrouter/openai/text-embedding-3-small"
# synthesizer = "openrouter/anthropic/claude-sonnet-4.5"
# concurrency = 8
# response_timeout = 120     # seconds a model may take to start answering; a few timeouts cut a provider off

[providers.compatible]     # any OpenAI-compatible server: Ollama, vLLM, LM Studio
# base_url = "http://localhost:11434/v1"   # user-only
# api_key_env = ""           # user-only; the variable holding its key, e.g. VLLM_API_KEY (…_KEY or …_TOKEN)

[output]
# formats = ["report", "html"]   # report, html, xml, json, claude_md, agents_md, cursor_rules, copilot
# dir = "."                  # user-only; relative to the repository root

[cache]
# path = ".gitlore/cache.db" # user-only; relative to the repository root
# url = ""                   # user-only; a shared PostgreSQL cache, postgres://user@host:5432/db (no password here)
# url_env = ""               # user-only; or the environment variable holding the whole URL
# password_env = ""          # user-only; the environment variable holding its password (default PGPASSWORD)
`
