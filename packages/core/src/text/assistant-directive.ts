/**
 * Kinds of text that, copied into an assistant's instruction file, would instruct the assistant:
 * each a pattern and the reason given for leaving the text out. Matching is deliberately broad on
 * what is dangerous (fetch-and-run, shells, secrets, prompt overrides) and narrow on wording that
 * reviews use innocently ("the cursor must be closed", "run the tests").
 */
const directives: readonly { readonly pattern: RegExp; readonly reason: string }[] = [
  {
    pattern:
      /\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:instructions?|rules|prompts?|guidelines|(?:the |all )?(?:above|previous|prior))\b/i,
    reason: 'tells an assistant to set its instructions aside',
  },
  {
    pattern:
      /\b(?:system|developer)\s+(?:prompt|message|instructions?)\b|\byou are (?:now|an? (?:AI|assistant|agent))\b|\bnew instructions\b/i,
    reason: 'speaks to an assistant about its instructions',
  },
  {
    pattern:
      /\b(?:AI|LLMs?|(?:AI |coding |code )?assistants?|(?:AI |coding )agents?|Claude|Copilot|ChatGPT|Codex|Gemini|language models?)\b[^.\n]{0,30}\b(?:must|should|shall|always|never|need to|has to|have to|are required to|is required to)\b/i,
    reason: 'addresses AI assistants with an instruction',
  },
  {
    pattern: /\|\s*(?:sudo\s+)?(?:ba|z|k|da|fi)?sh\b|\|\s*(?:python3?|perl|ruby|node|pwsh|powershell)\b/i,
    reason: 'pipes something into a shell or interpreter',
  },
  {
    pattern: /\b(?:curl|wget)\b[^\n]{0,60}(?:https?|ftp):\/\/|\b(?:Invoke-WebRequest|Invoke-Expression|iwr|iex)\b/i,
    reason: 'fetches something from the network to run',
  },
  {
    pattern:
      /\b(?:ba|z)?sh\s+-c\b|\beval\s*[("'`$]|\bbase64\s+(?:-d|--decode)\b|\/dev\/tcp\/|\bnc\s+-e\b|\brm\s+-rf\s+[~/$]/i,
    reason: 'holds a shell command of the kind attacks use',
  },
  {
    pattern:
      /\$\{?(?:GITHUB_TOKEN|GH_TOKEN|AWS_[A-Z_]+|[A-Z_]*(?:API_KEY|SECRET|PASSWORD)[A-Z_]*)\b|~\/\.ssh\b|\bid_(?:rsa|ed25519)\b|\.aws\/credentials|\bprintenv\b/i,
    reason: 'reaches for secrets or credentials',
  },
  {
    pattern: /<!--|<\s*\/?\s*(?:system|instructions?|prompt|assistant|user|tool)\s*>/i,
    reason: 'hides markup an assistant would read as structure',
  },
]

/**
 * Why `text` must not reach an AI assistant's instruction file (CLAUDE.md, AGENTS.md, Cursor
 * rules, Copilot instructions), or null when it may be quoted there. Text that addresses
 * assistants with commands, overrides their instructions, runs fetched code or reaches for
 * secrets is indirect prompt injection (OWASP LLM01) whoever wrote it: a reviewer, a commit
 * author or a model summarising them.
 */
export function assistantDirective(text: string): string | null {
  for (const { pattern, reason } of directives) if (pattern.test(text)) return reason
  return null
}
