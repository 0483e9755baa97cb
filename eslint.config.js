// ESLint 9 (flat config): eslint:recommended over the extension's, the demo page's, the
// scripts' and the tests' JavaScript, with the globals each runs with. `npx eslint .`;
// scripts/test.sh runs it and fails on errors (unused names are warnings). Generated and vendored code (extension/pkg, extension/vendor,
// www/pkg, www/lib) is not ours to lint.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['extension/pkg/**', 'extension/vendor/**', 'www/pkg/**', 'www/lib/**', 'target/**', 'build/**', 'dist/**', 'test-output/**', 'fuzz/**'],
  },
  js.configs.recommended,
  {
    // Unused names are untidy, not faults: reported, but they do not fail the check.
    rules: { 'no-unused-vars': ['warn', { caughtErrors: 'all' }] },
  },
  {
    // Content scripts, injected as classic scripts after the vendored Readability (whose
    // two globals they use); they share one namespace of their own, AbridgeLib.
    files: ['extension/content/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, Readability: 'readonly', isProbablyReaderable: 'readonly' },
    },
  },
  {
    // The demo page: a module script after three classic ones (lib/messages.js, lib/contract.js,
    // lib/format.js).
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
  },
  {
    // The service worker / event page, its modules, the options page and the side panel (module scripts).
    files: ['extension/background.js', 'extension/lib/**/*.js', 'extension/options.js', 'extension/sidepanel.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions },
    },
  },
  {
    // Node: tests, scripts, this file. Tests also hand functions to pages (page.evaluate),
    // which run in the browser: browser globals too.
    files: ['tests/**/*.mjs', 'tests/**/*.js', 'scripts/**/*.mjs', 'benches/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
  },
];
