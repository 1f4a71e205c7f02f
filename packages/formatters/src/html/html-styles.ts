import { filterStyles } from './html-findings.js'

const base = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --surface: #f6f8fa; --text: #1f2328; --muted: #59636e; --border: #d1d9e0;
  --accent: #0969da; --bar: #3b82c4; --bar-secondary: #9aa7b4; --warn: #c2410c;
  --high: #b42318; --medium: #9a6700; --low: #1a7f37;
  --chip-on: #0969da; --chip-on-text: #ffffff; --cell: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --surface: #161b22; --text: #e6edf3; --muted: #9198a1; --border: #3d444d;
    --accent: #4493f8; --bar: #58a6ff; --bar-secondary: #6e7681; --warn: #f0883e;
    --high: #ff7b72; --medium: #d29922; --low: #3fb950;
    --chip-on: #4493f8; --chip-on-text: #0d1117; --cell: #58a6ff;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 6px 0 0; overflow-wrap: anywhere; }
a { color: var(--accent); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--surface);
  border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { border: 1px solid var(--border); border-left: 4px solid var(--accent); background: var(--surface);
  border-radius: 6px; padding: 8px 14px; margin: 14px 0; }
.notice.degraded { border-left-color: var(--warn); }
.notice ul { margin: 4px 0; padding-left: 20px; }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 18px 0 0; padding: 0; list-style: none; }
.summary li { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 8px 14px; min-width: 110px; }
.summary strong { display: block; font-size: 1.35rem; }
.summary span { color: var(--muted); font-size: 0.85rem; }
.lead, .empty, .shown-count, figcaption, .note { color: var(--muted); }
.filter-toggle { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0 16px; }
.filter-group { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.filter-name { color: var(--muted); font-size: 0.85rem; margin-right: 2px; }
.chip { cursor: pointer; user-select: none; border: 1px solid var(--border); border-radius: 999px;
  padding: 2px 10px; font-size: 0.88rem; color: var(--muted); background: var(--bg); text-decoration: line-through; }
.chip-count { opacity: 0.8; }
#findings { counter-reset: shown; }
.finding { counter-increment: shown; border: 1px solid var(--border); border-left: 4px solid var(--border);
  border-radius: 8px; padding: 12px 16px; margin: 0 0 12px; background: var(--bg); }
.finding[data-severity="high"] { border-left-color: var(--high); }
.finding[data-severity="medium"] { border-left-color: var(--medium); }
.finding[data-severity="low"] { border-left-color: var(--low); }
.finding p { margin: 8px 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
  border-radius: 4px; padding: 0 6px; border: 1px solid currentColor; }
.badge.high { color: var(--high); } .badge.medium { color: var(--medium); } .badge.low { color: var(--low); }
.badge.category { color: var(--muted); }
details summary { cursor: pointer; color: var(--muted); }
.evidence { margin: 4px 0; padding-left: 20px; overflow-wrap: anywhere; }
.evidence .source { font-size: 0.78rem; color: var(--muted); border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
.files { font-size: 0.9rem; color: var(--muted); }
.shown-count::before { content: "Showing " counter(shown) " "; }
.charts { display: grid; gap: 20px; }
.chart { margin: 0; padding: 12px 14px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); overflow-x: auto; }
.chart figcaption { margin-bottom: 6px; }
.chart svg { display: block; max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: var(--text); }
.chart .label { fill: var(--muted); }
.chart .bar { fill: var(--bar); }
.chart .bar.secondary { fill: var(--bar-secondary); }
.chart .warn .bar { fill: var(--warn); }
.chart .cell { fill: var(--cell); }
.chart .cell.empty { fill: var(--border); fill-opacity: 0.35; }
.chart .cell-value { fill: var(--text); font-weight: 600; }
.themes { display: grid; gap: 12px; }
.theme { border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 8px; padding: 12px 16px; background: var(--bg); }
.theme > header { display: flex; align-items: baseline; gap: 10px; }
.theme h3 { margin: 0; }
.theme-rank { color: var(--muted); font-weight: 600; font-variant-numeric: tabular-nums; }
.theme p { margin: 6px 0; overflow-wrap: anywhere; }
.theme-facts { color: var(--muted); }
.theme-facts strong { color: var(--text); }
.theme .badge { margin-right: 4px; text-transform: none; letter-spacing: 0; }
.quotes { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 8px; }
.quotes blockquote { margin: 0; padding: 2px 12px; border-left: 3px solid var(--border); overflow-wrap: anywhere; }
.quotes blockquote::before { content: "“"; }
.quotes blockquote::after { content: "”"; }
.attribution { margin: 2px 0 0 15px !important; font-size: 0.85rem; color: var(--muted); }
.areas, .ci-table { border-collapse: collapse; width: 100%; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
.areas caption, .ci-table caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
.areas th, .areas td, .ci-table th, .ci-table td { text-align: left; padding: 4px 10px; border-top: 1px solid var(--border); overflow-wrap: anywhere; }
.areas .number, .ci-table .number { text-align: right; font-variant-numeric: tabular-nums; }
.ci-table th, #ci-red-commits td:first-child code { overflow-wrap: normal; white-space: nowrap; }
h2.part { font-size: 1.5rem; margin-top: 48px; border-bottom-width: 2px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
@media print { .filters { display: none; } .finding { break-inside: avoid; } }
`

/** The whole style sheet of the HTML report (inline: the page loads nothing). */
export function reportStyles(): string {
  return `${base.trim()}\n${filterStyles()}\n`
}
