import type { CommentCategory } from '@gitlore/core'

/** One transparent signal: a pattern over the comment text (or its file path) that adds `weight` to a category. */
export interface OfflineRule {
  readonly category: CommentCategory
  /** Tested against the comment body with code blocks and inline code removed, unless `on` says otherwise. */
  readonly pattern: RegExp
  /** 2: the signal alone decides; 1: it needs a second signal. */
  readonly weight: 1 | 2
  /** What the pattern is tested against: the prose (default), the raw body including code, or the file path. */
  readonly on?: 'prose' | 'body' | 'path'
}

const words = (list: string): string =>
  list
    .trim()
    .split(/\s*\|\s*/)
    .join('|')
const rule = (category: CommentCategory, weight: 1 | 2, pattern: RegExp, on?: OfflineRule['on']): OfflineRule =>
  on === undefined ? { category, weight, pattern } : { category, weight, pattern, on }

/**
 * The heuristic classifier's rules: vocabulary reviewers use for each category, phrased generally (no rule
 * names a project, a file or one comment). Tuned on the `dev` split of the labeled set only.
 */
export const offlineRules: readonly OfflineRule[] = [
  // bug: wrong behaviour and its usual consequences.
  rule(
    'bug',
    2,
    new RegExp(
      `\\b(${words(`bugs? | broken | breaks | crash(es|ed)? | panics? | off[- ]by[- ]one | race condition
    | deadlocks? | leak(s|ing)? the | leaks? (the )?(job|view|memory) | regression | overflows? | underflow | retain cycle
    | infinite loop | never (reaches|called|runs|fires|set) | does nothing | doesn't work | not atomic | ends up
    | data loss | twice | rolled back | rolls back | invalidate | dangling | use-after-free | wrong | incorrect
    | off by one | truncat(ed|es) | rounding | timezone`)})\\b`,
      'i',
    ),
  ),
  rule(
    'bug',
    1,
    /\b(will (fail|break|crash|throw|panic)|instead of|is never|isn't|aren't|bypass(ed)?|mutat(es|ing)|missing|at the same time|negative|mutex|thread-?safe|synchroni[sz]ed|guarded|threads?)\b/i,
  ),
  rule(
    'bug',
    2,
    new RegExp(
      `\\b(${words(`races? | racing | (is|was|looks|seems) (wrong|broken|off) | (isn't|is not|not) (correct|right|intentional|safe)
    | won't work | wouldn't work | doesn't work | will not work | (will|would|could|might) (fail|break|explode|blow up|crash|leak)
    | change in behaviou?r | side effects? | overwritten | null checks? | (a|the) copy, not | not a reference | too many
    | still (have|has) a reference | duplicate line | (should|must) not be removed | what if .{1,40}(null|none|nil|undefined|empty|zero|0)
    | typo (for|in) \`[^\`]+\``)})`,
      'i',
    ),
  ),
  // A question that proposes a correction ("Should this be X?", "Won't this ...?") usually points at a defect.
  rule(
    'bug',
    2,
    /(^|[.!?]\s+)(should(n't)? (this|that|it) (be|return|reset|handle|check|default)|shouldn't we|won't (this|that|it)|wouldn't (this|that|it)|isn't (this|that|it) going to|what if|(do )?we also need (this|that|it))\b[^?]*\?/i,
  ),
  rule('bug', 1, /\bshould be `[^`]+`/i, 'body'),
  // performance
  rule(
    'performance',
    2,
    new RegExp(
      `\\b(${words(`perf | performance | slow(er|ly)? | faster | latency | throughput
    | allocat\\w* | reallocat\\w* | memory | OOMs? | memoi[sz]e | quadratic | complexity | round[- ]trips?
    | queries | query per | N\\+1 | bundle | kB | MB | vectori[sz]ed | debounce | stutter | main thread | in memory
    | every (render|frame|keystroke|character|iteration|request) | sequential(ly)? | one after another | re-?renders?
    | select_related | prefetch_related | includes\\( | copy of | clones? | optimi[sz]\\w* | by reference | StringBuilder
    | faster | cheaper | overhead`)})`,
      'i',
    ),
  ),
  rule('performance', 2, /\b\d+(\.\d+)?\s?(kB|KB|MB|GB|ms)\b|\b(frame|load|response|startup) times?\b/),
  rule(
    'performance',
    1,
    /\b(cache|caching|index|loop|batch|stream(ing)?|buffer(ing)?|reuse|expensive|large|big|pool|connections)\b/i,
  ),
  // architecture
  rule(
    'architecture',
    2,
    new RegExp(
      `\\b(${words(`architecture | design | abstraction | layers? | coupl(es|ed|ing) | decouple
    | (import|dependency|package|module) cycle | circular | cyclic | responsibilit(y|ies) | separation of concerns | own (component|module|class|service|package)
    | belongs? in | live in | service layer | singleton | god (class|object) | dependencies | \\d+ lines
    | existing\\s+(\\S+\\s+)?(component|helper|service|function|handler|class|module|util\\w*) | knows? about`)})\\b`,
      'i',
    ),
  ),
  rule(
    'architecture',
    1,
    /\b(extract\w*|move (\w+ ){0,3}(in)?to|inject|imports|module|component|interface|rather than|separately|directly|callers|approach)\b/i,
  ),
  rule(
    'architecture',
    2,
    new RegExp(
      `\\b(${words(`refactor\\w* | pull(ed)? (this |it )?out | (its|their) own (function|method|class|module|component|file|package|service)
    | at the \\w+ level | (in|into) the \\S+ (implementation|component|layer|module|class|package) | reuse | re-use | same logic
    | duplicat(e|ed|es|ion) (of|code|logic) | delegat\\w* | dependency injection | depend(s|ing)? on | deprecat\\w* | breakage
    | backwards? compat\\w* | bc break | shorthands? | api | apis | mixins? | should (use|call) the (new|existing) | use the existing`)})\\b`,
      'i',
    ),
  ),
  // style
  rule(
    'style',
    2,
    new RegExp(
      `\\b(${words(`style | formatting | formatter | fmt | lint\\w* | rubocop | eslint | prettier | black
    | rustfmt | clippy | swiftlint | pep ?8 | gofmt | indent\\w* | whitespace | semicolons? | idiomatic | readab\\w*
    | hard to read | nested ternar\\w* | early return | type hints | named exports? | unused import
    | hardcoded (\\w+ )?strings? | prefers?`)})\\b`,
      'i',
    ),
  ),
  rule('style', 1, /\b(consistent|consistency|convention|we use|everywhere else|simplif\w*|cleaner|const)\b/i),
  rule(
    'style',
    2,
    new RegExp(
      `\\b(${words(`unused | not used | never used | isn't used | redundant | no longer (needed|necessary|used) | not (needed|necessary)
    | unnecessary | dead code | commented(-| )out | commented code | alpha-?sort\\w* | sort(ed)? (the )?imports? | group(ed)? (the )?(imports|variables)
    | separate this import | trailing comma | comma after | empty lines? | blank lines? | extra lines? | new ?lines? | braces | curly
    | parenthes[ie]s | spacing | space after | indentation | one (parameter|argument) per line | line length | get rid of
    | streamlined? | easier to (read|follow|understand) | more readable | idiomatic | magic numbers? | hard-?coded | double-quoted
    | single-quoted | warnings? | go ?imports | autoformat\\w* | constant`)})\\b`,
      'i',
    ),
  ),
  rule('style', 1, /^\s*```suggestion[\s\S]*```\s*$/, 'body'),
  rule(
    'style',
    2,
    /\b((cargo|go|terraform|mix|dart|dotnet) fmt|gofmt|rustfmt|prettier|eslint|rubocop|ktlint|swiftlint|clang-format)\b/i,
    'body',
  ),
  // testing
  rule(
    'testing',
    2,
    new RegExp(
      `\\b(${words(`tests? | testing | specs? | unit tests? | integration tests? | e2e | coverage
    | asserts? | assertions? | mock(s|ed|ing)? | stubs? | fixtures? | factory | flaky | snapshot | testable
    | test cases? | testcontainers | localstack`)})\\b`,
      'i',
    ),
  ),
  rule('testing', 1, /(^|\/)(tests?|spec|__tests__)\/|[._-](test|spec)\.\w+$|Tests?\.\w+$|_test\.go$/i, 'path'),
  rule(
    'testing',
    1,
    /\b(mock\w*|stub\w*|\w*_double|spy\w*|assert\w*|expect\(|runTest|pytest|jest|vitest|rspec|junit|cargo test)\b/i,
    'body',
  ),
  // security
  rule(
    'security',
    2,
    new RegExp(
      `\\b(${words(`security | secure | vulnerab\\w* | injection | XSS | CSRF | SSRF | saniti[sz]\\w*
    | auth(entication|orization)? | permissions? | privileges? | secrets? | SECRET_KEY | credentials? | passwords?
    | tokens? | api keys? | encrypt\\w* | signature | JWT | httpOnly | localStorage | keychain | plain text
    | publicly | mass assignment | permit! | html_safe | dangerouslySetInnerHTML | ReDoS | zip-?slip | path traversal
    | checksum | constant-time | timing | least privilege | user-supplied | user input | untrusted`)})\\b`,
      'i',
    ),
  ),
  // Who could abuse it, and what it exposes: one weak signal each.
  rule(
    'security',
    1,
    /\b(attacker|malicious|crafted|someone can|anyone can|any (logged[- ]in )?users?|other users|untrusted)\b/i,
  ),
  rule(
    'security',
    1,
    /\b(escape|verif(y|ied)|access|sensitive|exposes?|leak(s|ed|ing)?|to (the )?clients|by id|doesn't check|without checking|broader|too broad|wildcard|denial of service|DoS|take (the|a) \w+ down)\b/i,
  ),
  rule(
    'security',
    2,
    /\b(public(ly)?_accessible|innerHTML|dangerouslySetInnerHTML|html_safe|permit!|eval\(|SECRET_KEY|0\.0\.0\.0\/0)|s3:\*|"\*"/i,
    'body',
  ),
  // documentation
  rule(
    'documentation',
    2,
    new RegExp(
      `\\b(${words(`docs? | documentation | document | docstrings? | doc comments? | readme
    | changelog | javadoc | jsdoc | help text | typo | spelling | comment (says|explaining|describing)
    | (add|update) (a|the) comment | ADR`)})\\b`,
      'i',
    ),
  ),
  rule(
    'documentation',
    1,
    /\b(mention\w*|explain\w*|describes?|description|says|wording|word it|link to|confusing term)\b/i,
  ),
  rule('documentation', 2, /^\s*s\/[^/]+\/[^/]*\/?\s*$/),
  // A suggestion that rewrites a comment, a doc block or a sentence in a string.
  rule(
    'documentation',
    2,
    /```suggestion\s*\n\s*(\/\/|#|\*|\/\*)|```suggestion[\s\S]*(['"])[A-Z][a-z]+( [\w-]+){3,}[.!]?\2/,
    'body',
  ),
  rule('documentation', 2, /(^|\/)(docs?\/|README|CHANGELOG)|\.(md|rst|adoc)$/i, 'path'),
  // naming
  rule(
    'naming',
    2,
    new RegExp(
      `\\b(${words(`naming | renam\\w* | call it | cryptic | prefix | suffix | (good|great|better|clearer|more explicit) name
    | camel-?case | snake_case | pascal-?case | kebab-case | the name | this name | name (is|should|seems) | named after`)})\\b`,
      'i',
    ),
  ),
  rule('naming', 1, /\b(names?|named|called)\b/i),
  rule('naming', 2, /`[\w.:$-]+`\s*(→|->|=>)\s*`[\w.:$-]+`/, 'body'),
  rule(
    'naming',
    2,
    /\b(should be|be named|call it|how about) `[\w.:$-]+`,? (not|instead of|rather than) `[\w.:$-]+`/i,
    'body',
  ),
  // error handling
  rule(
    'error_handling',
    2,
    new RegExp(
      `\\b(${words(`errors? | exceptions? | throws? | thrown | raises? | rescue | (?<!(good|nice|great) )catch(es|ing)?
    | try\\?? | swallows? | unwrap | unhandled | rejection | propagat\\w* | bubble up | dead-letter | retries | retry
    | times out | timeout | %w`)})`,
      'i',
    ),
  ),
  rule('error_handling', 1, /\b(fail(s|ed|ure)?|log it|at least log|surface it|handle|closed if|\.use)\b/i),
  // process
  rule(
    'process',
    2,
    new RegExp(
      `\\b(${words(`PR | pull request | separate PR | rebase | squash | fixup commits? | before merging
    | release | release notes | deploy | rollout | maintenance window | CI | jira | ticket | label
    | ping | on-?call | TODO | pre-commit | breaking change | bump | unreleased | before approving`)})\\b`,
      'i',
    ),
  ),
  rule('process', 1, /\b(merge|merging|approv\w+|schedule|coordinate|product|announce)\b/i),
  rule(
    'process',
    2,
    new RegExp(
      `\\b(${words(`spam\\w* | pointless | unrelated | not (directly )?related to this | out of scope | separate (one|diff|change)
    | revert (this|these|the) | remove this file | awaiting review | landed | squash\\w* | backport\\w* | cherry-?pick\\w* | go into \\d
    | commit message | blocked | blocking | story | issue number | this fix is`)})\\b`,
      'i',
    ),
  ),
  rule('process', 1, /^\s*@[\w-]+/),
  // nitpick
  rule('nitpick', 2, /(^|\n)\s*(nit|nitpick|minor|small thing|tiny|super minor|optional|non-blocking)\b/i),
  rule('nitpick', 2, /\b(nit|nits|nitpick\w*|not blocking|non-blocking|very minor|super minor|just a nit)\b/i),
  rule('nitpick', 2, /\b(typo|unused import|trailing whitespace)\b/i),
  // question: asks rather than requests.
  rule(
    'question',
    2,
    /(^|[.!]\s+)((why|what|how|where|when|which|who|is|are|was|does|did|do|should|shouldn't|isn't|wait|hmm|out of curiosity)\b|question:)[^.!]*\?/i,
  ),
  rule(
    'question',
    2,
    /\b(is (this|that|it) (intentional|intended|agreed)|is there a reason|what's the reason|curious)\b/i,
  ),
  rule('question', 1, /\?\s*$/),
  // praise
  rule(
    'praise',
    2,
    new RegExp(
      `(\\b(${words(`nice | great | love | awesome | cool | clever | thanks | thank you | appreciate\\w*
    | well done | good (job|work|catch|call) | LGTM | looks good | neat | elegant | excellent | much (better|simpler|cleaner)
    | kudos | brilliant | looks (good|great|right|fine) | makes sense | \\+1 | seems all logic`)})\\b|👍|🎉|😍|🙏|👏|🚀|❤️)`,
      'i',
    ),
  ),
]
