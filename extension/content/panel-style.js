// The panel's stylesheet, put inside its shadow root (page CSS cannot reach in, this CSS
// cannot leak out). Sizes in px: rem would follow the page's root font size.
(function (lib) {
  'use strict';
  lib.panelStyle =
  // Every property of the host is reset with !important: for important declarations the shadow
  // tree's own rules win over the page's (even the page's !important ones), so page CSS aimed at
  // the host (#abridge-host, abridge-panel, [id^=abridge], * { all: unset !important }, hidden
  // unknown elements, translate/scale/zoom/clip-path/mask/pointer-events/content-visibility)
  // cannot hide, move, shrink or disable the panel. 'all' leaves out direction and unicode-bidi.
  `
:host { all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important;
  position: static !important; direction: ltr !important; unicode-bidi: isolate !important; }
*, *::before, *::after { box-sizing: border-box; }
.panel {
  --bg: #ffffff; --fg: #1b1d21; --muted: #5b6270; --line: #e3e6ec; --accent: #1d4ed8; --accent-fg: #ffffff;
  --chip: #eef2ff; --hover: #f3f5f9; --focus: #2563eb; --shadow: 0 10px 30px rgba(15, 23, 42, .22), 0 2px 6px rgba(15, 23, 42, .12);
  --mark: #fff3bf; --error: #b91c1c;
  position: fixed; top: 12px; z-index: 2147483647; width: min(400px, calc(100vw - 24px));
  max-height: calc(100vh - 24px); display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px; box-shadow: var(--shadow);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none; overflow: clip;
}
` +
  // In the browser's side panel the panel is the whole page.
  `
.panel.docked { position: static; width: auto; max-height: none; min-height: 100vh; border: 0; border-radius: 0; box-shadow: none; }
.panel.side-right { right: 12px; }
.panel.side-left { left: 12px; }
.panel.theme-dark {
  --bg: #16181d; --fg: #e8eaef; --muted: #a3aab8; --line: #2c313a; --accent: #7aa2ff; --accent-fg: #0b1020;
  --chip: #232a3d; --hover: #20242c; --focus: #8fb3ff; --mark: #4a3f10; --error: #ff8a8a;
  --shadow: 0 10px 30px rgba(0, 0, 0, .6), 0 2px 6px rgba(0, 0, 0, .4);
}
@media (prefers-color-scheme: dark) {
  .panel.theme-auto {
    --bg: #16181d; --fg: #e8eaef; --muted: #a3aab8; --line: #2c313a; --accent: #7aa2ff; --accent-fg: #0b1020;
    --chip: #232a3d; --hover: #20242c; --focus: #8fb3ff; --mark: #4a3f10; --error: #ff8a8a;
    --shadow: 0 10px 30px rgba(0, 0, 0, .6), 0 2px 6px rgba(0, 0, 0, .4);
  }
}
.bar { display: flex; align-items: center; gap: 6px; padding-block: 8px; padding-inline: 14px 8px; border-bottom: 1px solid var(--line); flex: none; }
.brand { font-weight: 700; font-size: 13px; letter-spacing: .02em; color: var(--accent); flex: 1; }
button { font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0; cursor: pointer; text-align: inherit; }
button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 6px; }
.icon { width: 30px; height: 30px; border-radius: 8px; display: inline-flex; align-items: center; justify-content: center;
  font-size: 18px; line-height: 1; color: var(--muted); }
.icon:hover { background: var(--hover); color: var(--fg); }
.panel.collapsed .body { display: none; }
.panel.collapsed .collapse { transform: rotate(-90deg); }
.body { overflow: auto; padding: 12px 16px 16px; flex: 1 1 auto; min-height: 0; overscroll-behavior: contain; }
h2 { font-size: 17px; line-height: 1.3; margin: 0 0 4px; font-weight: 700; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 16px 0 6px; font-weight: 700; }
h4 { font-size: 12px; color: var(--muted); margin: 8px 0 2px; font-weight: 600; }
p { margin: 0; }
.meta { color: var(--muted); font-size: 12px; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
.stats { color: var(--muted); font-size: 12.5px; flex: 1; min-width: 140px; }
.length { display: inline-flex; align-items: center; border: 1px solid var(--line); border-radius: 999px; }
.length button { width: 28px; height: 26px; border-radius: 999px; font-size: 16px; display: inline-flex; align-items: center; justify-content: center; }
.length button:hover:not(:disabled) { background: var(--hover); }
.length button:disabled { opacity: .35; cursor: default; }
.length output { min-width: 86px; text-align: center; font-size: 12.5px; font-variant-numeric: tabular-nums; }
ol.sentences { list-style: none; margin: 0; padding: 0; }
ol.sentences li { position: relative; margin: 0 0 6px; }
.sentence { display: block; width: 100%; padding: 7px 10px; border-radius: 8px; border-inline-start: 3px solid var(--accent);
  background: var(--hover); line-height: 1.5; }
.sentence:hover { background: var(--chip); }
.sentence[aria-current="true"] { background: var(--mark); }
` +
  // "Why this sentence?": a floating tooltip, so showing it never moves the buttons below.
  `
.why { display: none; position: absolute; top: calc(100% + 2px); inset-inline: 12px 0; z-index: 2; pointer-events: none;
  padding: 6px 10px; border-radius: 8px; border: 1px solid var(--line); background: var(--bg); box-shadow: var(--shadow);
  font-size: 12px; color: var(--muted); }
` +
  // On hover, and on keyboard focus (not after a mouse click, which also focuses the button).
  `
li:hover > .why, li:has(> .sentence:focus-visible) > .why { display: block; }
.why dl { display: grid; grid-template-columns: auto auto; gap: 0 12px; margin: 2px 0 0; justify-content: start; }
.why dt { margin: 0; } .why dd { margin: 0; font-variant-numeric: tabular-nums; }
.why strong { color: var(--fg); font-weight: 600; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 10px; align-items: center; }
.btn { padding: 5px 12px; border-radius: 999px; border: 1px solid var(--line); font-size: 12.5px; }
.btn:hover { background: var(--hover); }
.btn.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
.btn.primary:hover { filter: brightness(1.08); }
.status { font-size: 12px; color: var(--muted); min-height: 1em; }
.facts ul { margin: 0; padding-inline-start: 18px; }
.facts li { margin: 1px 0; }
.count { color: var(--muted); font-size: 11.5px; }
.speaker { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.chips li { background: var(--chip); border-radius: 999px; padding: 2px 10px; font-size: 12.5px; }
.message { padding: 8px 0 4px; }
.message.error { color: var(--error); }
.muted { color: var(--muted); }
` +
  // The panel itself takes focus on opening (a landing point for keyboard users): no ring around all of it.
  `
.panel:focus, .panel:focus-visible { outline: none; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
`;
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
