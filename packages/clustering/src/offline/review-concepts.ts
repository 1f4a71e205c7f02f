import { stem } from './extract-terms.js'

// Generic code-review vocabulary grouped into concepts, so paraphrases meet ("None", "nil", "undefined" are one
// concept). A small, hand-written stand-in for what an embedding model knows; each word is matched by its stem.
const concepts: Readonly<Record<string, string>> = {
  nullness: 'null nil none undefined nullable optional npe nullpointer nonnull dereference deref typeerror',
  failure:
    'error errors exception exceptions catch except rescue throw throws raise panic fail failure swallow swallowed ' +
    'ignore ignored silently suppress propagate rethrow bubble unwrap',
  database: 'sql query queries select insert delete update where statement jdbc orm database db table column row rows',
  injection:
    'injection inject injectable sanitize escape escaping untrusted attacker vulnerable vulnerability exploit xss ' +
    'csrf allowlist whitelist parameterize parameterized placeholder placeholders bind binds prepared',
  secret:
    'secret secrets credential credentials password passwords token tokens apikey vault kms ssm rotate revoke redact leak mask private',
  environment: 'env environment variable variables dotenv config configuration settings',
  testing:
    'test tests testing tested spec specs coverage assert assertion regression mock mocks fixture snapshot golden unit integration',
  batching:
    'loop loops iteration iterate batch batched bulk eager prefetch preload lazy roundtrip round trips dataloader pipeline mget',
  performance: 'slow slower fast faster performance latency expensive overhead hours seconds',
  naming:
    'name names naming rename renamed renaming descriptive meaningful vague generic misleading ambiguous abbreviation ' +
    'abbreviations clearer unclear',
  literal: 'constant constants magic literal literals hardcode hardcoded hardcoding inline enum',
  concurrency:
    'race races racing concurrent concurrently concurrency lock locks locking mutex atomic atomically thread threads ' +
    'goroutine goroutines synchronize synchronized synchronization parallel simultaneous interleaving volatile toctou',
  documentation:
    'doc docs documentation document documented readme changelog docstring javadoc jsdoc rustdoc comment comments ' +
    'guide openapi describe explain explaining',
  logging: 'log logs logging logger trace traceback',
  style: 'format formatting formatter indentation indent lint linter whitespace',
  architecture:
    'layer layers coupling coupled abstraction module modules dependency dependencies interface responsibility separation',
  validation: 'validate validated validation validator input inputs',
}

const conceptOfStem = new Map<string, string>()
for (const [concept, words] of Object.entries(concepts)) {
  for (const word of words.split(' ')) conceptOfStem.set(stem(word), concept)
}

/** The review concept a term's stem belongs to (`nullness`, `concurrency`, ...), if any. */
export function reviewConcept(termStem: string): string | undefined {
  return conceptOfStem.get(termStem)
}
