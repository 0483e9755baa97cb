// The user's settings (options page → chrome.storage.sync): defaults and validation. Only
// settings are stored, never article text or summaries. Pure; loaded as a classic script by
// the content scripts and the options page, and by Node's tests.
(function (lib) {
  'use strict';

  const DEFAULTS = Object.freeze({
    length: 0, // summary sentences; 0 = the core's adaptive default
    side: 'right', // 'left' | 'right'
    theme: 'auto', // 'auto' | 'light' | 'dark'
    display: 'overlay', // 'overlay' (the panel on the page) | 'sidepanel' (the browser's side panel)
  });
  const MAX_LENGTH = 15;

  /** `raw` (anything read from storage) as valid settings; unknown or bad values → defaults. */
  function sanitize(raw) {
    const r = raw && typeof raw === 'object' ? raw : {};
    const length = Number.isInteger(r.length) && r.length >= 0 && r.length <= MAX_LENGTH ? r.length : DEFAULTS.length;
    const side = r.side === 'left' || r.side === 'right' ? r.side : DEFAULTS.side;
    const theme = ['auto', 'light', 'dark'].includes(r.theme) ? r.theme : DEFAULTS.theme;
    const display = r.display === 'sidepanel' ? 'sidepanel' : DEFAULTS.display;
    return { length, side, theme, display };
  }

  lib.settings = { DEFAULTS, MAX_LENGTH, KEYS: Object.keys(DEFAULTS), sanitize };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
