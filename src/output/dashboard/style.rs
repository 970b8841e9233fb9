//! The one stylesheet of the dashboard (`style.css`): responsive down to
//! phone width, with a print stylesheet. Status colours only supplement the
//! status text and symbol.

/// `style.css`.
pub(super) const CSS: &str = r#"/* ehelse dashboard */
:root {
  --ink: #1b1f24;
  --muted: #535b67;
  --line: #d5dae1;
  --bg: #f4f6f8;
  --card: #ffffff;
  --brand: #0b3d66;
  --brand-dark: #072a47;
  --link: #0b4f8a;
  --achieved: #0f6b3a;
  --achieved-bg: #dff2e6;
  --on-track: #2e7d32;
  --on-track-bg: #e9f6ea;
  --moderate: #8a6100;
  --moderate-bg: #fff3d1;
  --limited: #b45309;
  --limited-bg: #fde9d6;
  --deterioration: #b3261e;
  --deterioration-bg: #fde3e1;
  --no-ambition: #5f6670;
  --no-ambition-bg: #eceff2;
  --insufficient-data: #7a828d;
  --insufficient-data-bg: #f1f2f4;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--ink);
  background: var(--bg);
}
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); }
a:focus-visible, .skip:focus { outline: 3px solid #f0a800; outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9em; }
.hash { word-break: break-all; font-size: .8em; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Header and navigation */
.site-header { background: var(--brand); color: #fff; }
.site-header .wrap { padding-top: .9rem; padding-bottom: .7rem; }
.site-title { margin: 0; font-size: 1.3rem; font-weight: 700; line-height: 1.25; }
.site-title a { color: #fff; text-decoration: none; }
.site-sub { margin: .15rem 0 0; color: #d6e4f0; font-size: .95rem; }
.goals-nav { background: var(--brand-dark); }
.goals-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .1rem .25rem; padding-top: .3rem; padding-bottom: .3rem; margin: 0 auto; }
.goals-nav a { display: inline-block; color: #fff; text-decoration: none; padding: .3rem .55rem; border-radius: 4px; font-size: .95rem; }
.goals-nav a:hover { background: rgba(255,255,255,.12); }
.goals-nav a[aria-current="page"] { background: #fff; color: var(--brand-dark); font-weight: 700; }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; padding: 0; margin: 1rem 0 0; font-size: .95rem; color: var(--muted); }
.crumbs li + li::before { content: "›"; margin-right: .25rem; }

main { padding-bottom: 2rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 1.1rem 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
.lead { font-size: 1.05rem; max-width: 48rem; color: #333b45; }
.meta, .card-meta { color: var(--muted); margin: 0 0 .5rem; }
.sub { color: var(--muted); font-size: .9em; }
.num { color: var(--muted); font-weight: 400; font-size: .9em; }
.note { color: #333b45; background: var(--card); border-left: 4px solid var(--line); padding: .6rem .8rem; max-width: 48rem; }
.goal-code { color: var(--muted); font-weight: 600; }

/* Status badges: symbol + text; colour supplements them */
.status {
  display: inline-flex; align-items: baseline; gap: .35em;
  padding: .05em .55em .1em; border-radius: 4px; border: 1px solid; border-left-width: 4px;
  font-weight: 600; white-space: nowrap; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.status .sym { font-size: .95em; }
.st-achieved.status { color: var(--ink); border-color: var(--achieved); background: var(--achieved-bg); }
.st-achieved .sym { color: var(--achieved); }
.st-on-track.status { color: var(--ink); border-color: var(--on-track); background: var(--on-track-bg); }
.st-on-track .sym { color: var(--on-track); }
.st-moderate.status { color: var(--ink); border-color: var(--moderate); background: var(--moderate-bg); }
.st-moderate .sym { color: var(--moderate); }
.st-limited.status { color: var(--ink); border-color: var(--limited); background: var(--limited-bg); }
.st-limited .sym { color: var(--limited); }
.st-deterioration.status { color: var(--ink); border-color: var(--deterioration); background: var(--deterioration-bg); }
.st-deterioration .sym { color: var(--deterioration); }
.st-no-ambition.status { color: var(--ink); border-color: var(--no-ambition); background: var(--no-ambition-bg); }
.st-no-ambition .sym { color: var(--no-ambition); }
.st-insufficient-data.status { color: var(--ink); border-color: var(--insufficient-data); border-style: dashed; border-left-style: solid; background: var(--insufficient-data-bg); }
.st-insufficient-data .sym { color: var(--insufficient-data); }
.status-line { margin: .25rem 0 1rem; font-size: 1.1rem; }

/* Proportional bar of statuses (decoration; the counts are text) */
.bar { display: flex; height: .5rem; border-radius: 3px; overflow: hidden; background: var(--line); margin: .6rem 0 .5rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar span { display: block; height: 100%; }
.bar .st-achieved { background: var(--achieved); }
.bar .st-on-track { background: var(--on-track); }
.bar .st-moderate { background: var(--moderate); }
.bar .st-limited { background: var(--limited); }
.bar .st-deterioration { background: var(--deterioration); }
.bar .st-no-ambition { background: var(--no-ambition); }
.bar .st-insufficient-data { background: repeating-linear-gradient(45deg, var(--insufficient-data) 0 3px, #c9cdd3 3px 6px); }
.counts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem .5rem; font-size: .88rem; }
.counts li { display: inline-flex; align-items: center; gap: .3rem; }
.counts .n { font-weight: 700; min-width: 1.1em; }
.summary .counts { font-size: .95rem; }

/* Goal cards */
.cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-top: 5px solid var(--line); border-radius: 6px; padding: .9rem 1rem 1rem; display: flex; flex-direction: column; }
.card h3 { margin: 0 0 .5rem; font-size: 1.08rem; line-height: 1.3; }
.card h3 a { text-decoration: none; color: var(--ink); }
.card h3 a:hover { text-decoration: underline; }
.card .goal-code { display: block; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
.card .rollup { margin: 0 0 .35rem; }
.card .card-meta { font-size: .9rem; margin: 0; }
.st-border-achieved { border-top-color: var(--achieved); }
.st-border-on-track { border-top-color: var(--on-track); }
.st-border-moderate { border-top-color: var(--moderate); }
.st-border-limited { border-top-color: var(--limited); }
.st-border-deterioration { border-top-color: var(--deterioration); }
.st-border-no-ambition { border-top-color: var(--no-ambition); }
.st-border-insufficient-data { border-top-color: var(--insufficient-data); }
.status-legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: .5rem 1.5rem; margin: 0; }
.status-legend div { display: flex; flex-direction: column; gap: .15rem; }
.status-legend dd { margin: 0; color: #333b45; font-size: .95rem; }

/* Key figures and fact lists */
.key { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .6rem; margin: 0 0 1rem; }
.key div { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .55rem .75rem; }
.key dt { font-size: .85rem; color: var(--muted); }
.key dd { margin: .1rem 0 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.facts { margin: 0; display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; }
.facts div { display: contents; }
.facts dt, .facts dd { padding: .4rem .5rem .4rem 0; border-bottom: 1px solid var(--line); margin: 0; }
.facts dt { font-weight: 600; }
.steps, .warnings, .notes, .caveats { padding-left: 1.4rem; max-width: 60rem; }
.steps li, .warnings li, .notes li, .caveats li { margin: .2rem 0; }
.steps { font-size: .92rem; }
.error { background: var(--deterioration-bg); border-left: 4px solid var(--deterioration); padding: .25rem 1rem 1rem; }

/* Chart */
.chart-figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; max-width: 52rem; }
.chart-box svg { display: block; width: 100%; height: auto; }
.chart text { font-family: inherit; }
.chart .label { paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.legend { list-style: none; padding: 0; margin: .6rem 0 0; display: grid; gap: .3rem; font-size: .92rem; }
.legend li { display: flex; align-items: center; gap: .6rem; }
.legend .swatch { flex: none; }

/* Tables */
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; background: var(--card); font-size: .95rem; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 .4rem; color: #333b45; }
/* A caption stays in view when a wide table scrolls sideways. */
.table-wrap caption { position: sticky; left: 0; max-width: calc(100vw - 2rem); }
th, td { padding: .4rem .65rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: #e9edf2; font-size: .88rem; border-bottom: 2px solid #b9c1cc; }
tbody th { font-weight: 600; }
.val { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.series, .breakdown { min-width: min(100%, 30rem); }
thead th.val { text-align: right; }
.breakdown tbody th { white-space: nowrap; }
.breakdown .ci { display: block; font-size: .78rem; color: var(--muted); }
.suppressed abbr { text-decoration: none; font-weight: 700; cursor: help; }
table.indicators { width: 100%; margin-top: 1rem; }
.indicators thead th:first-child { width: 30%; min-width: 14rem; }
.indicators .amb { min-width: 9rem; }
.indicators th[scope="row"] a { font-weight: 600; }
td.stale { color: var(--limited); font-weight: 600; }
.components { padding-left: 1.2rem; }
.components li { margin: .3rem 0; }

.site-footer { border-top: 1px solid var(--line); background: var(--card); color: var(--muted); font-size: .9rem; }
.site-footer p { margin: 0; padding: 1rem 0; }

/* Narrow screens: stack the indicator table, tighten spacing */
@media (max-width: 48rem) {
  h1 { font-size: 1.45rem; }
  .cards { grid-template-columns: 1fr; }
  .facts { grid-template-columns: 1fr; }
  .facts dt { border-bottom: 0; padding-bottom: 0; }
  .chart-figure { padding: .4rem; }
  .key { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
  .key div { padding: .45rem .6rem; }
  .chart text { font-size: 23px; }
  .chart .minor { display: none; }
  table.stack, .stack thead, .stack tbody, .stack tr, .stack th, .stack td { display: block; }
  .stack thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; background: var(--card); }
  .stack th[scope="row"] { background: #e9edf2; border-bottom: 1px solid var(--line); }
  .stack td { display: flex; gap: .75rem; justify-content: space-between; border-bottom: 1px solid #edf0f3; text-align: right; white-space: normal; }
  .stack td::before { content: attr(data-label); font-weight: 600; color: var(--muted); text-align: left; }
  .stack td:last-child { border-bottom: 0; }
  .stack caption { display: block; }
  table.indicators { margin-top: .5rem; }
  .site-header .wrap { padding-top: .6rem; padding-bottom: .5rem; }
  .site-title { font-size: 1.1rem; }
  .site-sub { font-size: .85rem; }
  .goals-nav a { padding: .2rem .45rem; font-size: .9rem; }
  .stack .val { white-space: normal; }
  table.stack { background: none; }
}

@media print {
  .skip, .goals-nav { display: none; }
  body { background: #fff; color: #000; font-size: 10.5pt; }
  .site-header { background: none; color: #000; border-bottom: 2px solid #000; }
  .site-title a, .site-sub { color: #000; }
  a { color: #000; text-decoration: none; }
  .wrap { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .card, figure, tr, .key div, .status-legend div { break-inside: avoid; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  .table-wrap, .chart-box { overflow: visible; }
  .site-footer { background: none; }
}
"#;
