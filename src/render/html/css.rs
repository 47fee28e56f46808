//! The page's one stylesheet, inlined in every report so the file stands alone. Phone first
//! (one column), two columns from 56em, and an A4 print layout.

/// Colours of the overlay kinds are CSS variables shared by the SVG strokes and the legend.
pub(super) const CSS: &str = r#"
:root {
  --fail: #c62828; --warn: #b26a00; --info: #1565c0; --pass: #2e7d32;
  --ov-document: #00c853; --ov-cutoff: #ff1744; --ov-glare: #ffab00; --ov-face: #2979ff;
  --ov-text: #d500f9; --ov-other: #00e5ff;
  --ink: #1b1f24; --muted: #59636e; --line: #d0d7de; --paper: #ffffff; --tint: #f6f8fa;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--tint);
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
    "PingFang SC", "Microsoft YaHei", sans-serif;
}
main, header.top, nav.back, footer { max-width: 72em; margin: 0 auto; padding: 0 1em; }
header.top { padding-top: 1em; }
h1 { font-size: 1.25em; margin: 0 0 .4em; }
h2 { font-size: 1.1em; margin: 0; }
code, .code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.meta { color: var(--muted); font-size: .9em; margin: .2em 0; overflow-wrap: anywhere; }
.verdict { border-left: .4em solid; padding: .6em .8em; margin: .6em 0; background: var(--paper);
  font-weight: 600; border-radius: .3em; }
.verdict .counts { font-weight: 400; color: var(--muted); }
.verdict-fail { border-color: var(--fail); } .verdict-warn { border-color: var(--warn); }
.verdict-pass { border-color: var(--pass); }
.note { font-size: .85em; color: var(--muted); margin: .3em 0 1em; }
section.subject, section.rejection { background: var(--paper); border: 1px solid var(--line);
  border-radius: .5em; padding: .8em; margin: 0 0 1em; }
section.subject > h2 .file { display: block; font-weight: 400; font-size: .8em; color: var(--muted);
  overflow-wrap: anywhere; }
.subject-body { display: grid; grid-template-columns: 1fr; gap: .8em; margin-top: .6em; }
.subject-body > * { min-width: 0; }
@media (min-width: 56em) {
  .subject-body.has-figure { grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); }
}
figure.shot { margin: 0; }
.stage { overflow: hidden; background: repeating-conic-gradient(#e9edf1 0 25%, #f6f8fa 0 50%) 0 0 / 16px 16px;
  border-radius: .3em; }
.frame { position: relative; line-height: 0; }
.frame img { display: block; width: 100%; height: auto; }
.frame svg.overlay { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: visible;
  pointer-events: none; }
.ov { fill: none; stroke-width: 3px; vector-effect: non-scaling-stroke;
  filter: drop-shadow(0 0 1.5px rgba(0, 0, 0, .9)); }
.ov * { vector-effect: non-scaling-stroke; }
.ov-document { stroke: var(--ov-document); } .ov-document circle { fill: var(--ov-document); }
.ov-cutoff { stroke: var(--ov-cutoff); stroke-dasharray: 6 4; }
.ov-cutoff .band { stroke: none; }
.ov-glare { stroke: var(--ov-glare); fill: rgba(255, 171, 0, .25); }
.ov-face { stroke: var(--ov-face); }
.ov-text { stroke: var(--ov-text); stroke-dasharray: 2 3; }
.ov-other { stroke: var(--ov-other); }
.ov.flagged { stroke-width: 4px; }
.legend { list-style: none; padding: 0; margin: .4em 0 0; display: flex; flex-wrap: wrap; gap: .3em 1em;
  font-size: .85em; color: var(--muted); line-height: 1.3; }
.legend .legend-title { font-weight: 600; }
.legend .sw { display: inline-block; width: 1.1em; height: .8em; border: 3px solid; border-radius: 2px;
  vertical-align: -.05em; margin-right: .3em; }
.sw-document { border-color: var(--ov-document) !important; }
.sw-cutoff { border-color: var(--ov-cutoff) !important; border-style: dashed !important; }
.sw-glare { border-color: var(--ov-glare) !important; background: rgba(255, 171, 0, .25); }
.sw-face { border-color: var(--ov-face) !important; } .sw-text { border-color: var(--ov-text) !important; }
.sw-other { border-color: var(--ov-other) !important; }
.no-picture { padding: 2em 1em; text-align: center; color: var(--muted); border: 2px dashed var(--line);
  border-radius: .3em; }
dl.metrics { display: flex; flex-wrap: wrap; gap: .2em .9em; margin: .5em 0 0; font-size: .85em; color: var(--muted); }
dl.metrics div { display: flex; gap: .3em; } dl.metrics dt::after { content: ":"; }
dl.metrics dd { margin: 0; color: var(--ink); }
p.text-read { margin: .4em 0 0; font: .8em/1.4 ui-monospace, monospace; color: var(--muted); overflow-wrap: anywhere; }
ol.findings { list-style: none; padding: 0; margin: 0; display: grid; gap: .6em; }
.finding { border: 1px solid var(--line); border-left: .35em solid; border-radius: .35em; padding: .5em .7em;
  background: var(--paper); break-inside: avoid; page-break-inside: avoid; }
.finding.sev-fail { border-left-color: var(--fail); } .finding.sev-warn { border-left-color: var(--warn); }
.finding.sev-info { border-left-color: var(--info); }
.finding.explains { box-shadow: 0 0 0 2px var(--fail) inset; }
.finding .head { display: flex; flex-wrap: wrap; gap: .2em .6em; align-items: baseline; }
.badge { font-size: .75em; font-weight: 700; padding: .1em .45em; border-radius: .3em; color: #fff;
  white-space: nowrap; }
.badge.sev-fail, .badge.v-fail, .badge.st-mismatch, .badge.st-error { background: var(--fail); }
.badge.sev-warn, .badge.v-warn, .badge.st-rejected { background: var(--warn); }
.badge.sev-info { background: var(--info); } .badge.v-pass, .badge.st-passed { background: var(--pass); }
.badge.v-error { background: #57606a; }
.badge.explains { background: transparent; color: var(--fail); border: 1px solid var(--fail); }
.finding .code { font-weight: 700; overflow-wrap: anywhere; }
.finding .where { color: var(--muted); font-size: .85em; }
.finding .message { margin: .3em 0; }
.finding .advice { margin: .3em 0; } .finding .advice b { color: var(--muted); font-weight: 600; }
.finding dl.nums { display: flex; flex-wrap: wrap; gap: .2em 1em; margin: .2em 0 0; font-size: .9em; }
.finding dl.nums div { display: flex; gap: .3em; } .finding dl.nums dt { color: var(--muted); }
.finding dl.nums dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.finding .vendors { font-size: .8em; color: var(--muted); margin: .3em 0 0; overflow-wrap: anywhere; }
.none { color: var(--pass); margin: .3em 0; } .none.not-given { color: var(--muted); }
section.rejection h2 { margin-bottom: .3em; }
section.rejection ul { padding-left: 1.2em; margin: .3em 0; }
section.rejection li { margin: .2em 0; }
section.rejection .cause-advice { color: var(--muted); }
nav.back { padding-top: .8em; }
a { color: #0b5cad; }
footer { color: var(--muted); font-size: .8em; padding-bottom: 2em; }
table.cases { width: 100%; border-collapse: collapse; background: var(--paper); }
table.cases th, table.cases td { text-align: left; padding: .45em .5em; border-bottom: 1px solid var(--line);
  vertical-align: middle; }
table.cases th { font-size: .85em; color: var(--muted); }
table.cases td.codes { overflow-wrap: anywhere; font-size: .9em; }
table.cases img { display: block; width: 72px; height: auto; border-radius: .2em; }
table.cases .error { color: var(--fail); font-size: .85em; }
@media (max-width: 40em) {
  table.cases thead { display: none; }
  table.cases tr { display: grid; grid-template-columns: 80px 1fr; gap: .2em .6em; padding: .5em 0;
    border-bottom: 1px solid var(--line); }
  table.cases td { border: 0; padding: 0 .3em; }
  table.cases td.thumb { grid-row: span 4; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main, header.top, nav.back, footer { max-width: none; padding: 0; }
  nav.back { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.subject, section.rejection { border: 0; padding: 0; margin-bottom: 6mm; }
  /* A section fits on a page (half-width photo): keep its heading with its photo. */
  section.subject { break-inside: avoid; page-break-inside: avoid; }
  section.subject > h2 { break-after: avoid; page-break-after: avoid; }
  .subject-body.has-figure { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  figure.shot { break-inside: avoid; page-break-inside: avoid; }
  table.cases tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;
