// The one set-up of the Chromium end-to-end files: skip (with the reason) when Chromium or
// the built extension is missing; before the file's tests, the test server and headless
// Chromium with the unpacked extension (browser.mjs launch()), optionally with the service
// worker's console hooked (hostile.mjs hookWorker()); after them, both closed and the profile
// removed. A file calls it once at the top level, before its own hooks:
//
//   const E2E = chromiumSuite({ shared: true });
//   const { skip } = E2E;
//   let srv, b;
//   before(async () => ({ srv, b } = await E2E.ready()));
//
// (Node 20 does not wait for one top-level `before` hook before it starts the next, hence
// `ready()`: one start, whichever hook asks first.)
//   test('…', { skip }, async () => { … });
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch, chromiumPath } from './browser.mjs';
import { hookWorker } from './hostile.mjs';
import { REPO, EXT_DIR, SHARED_PAGES, hasShared } from './shared.mjs';

/**
 * Registers the hooks and returns the suite's state: `skip` (false or why), `ready()` (a
 * promise of the state once started), and, once started, `srv` (server.mjs), `b` (launch()'s
 * browser) and `workerLog` (the service worker's console, when `hookWorkerLog`).
 *
 * Options: `shared` serve ../shared/pages when present; `routes` extra server routes;
 * `extDir` what to load (default the extension; a comma-separated list loads several);
 * `needs` the built file without which the file skips (default the wasm module);
 * `onLaunch(b)` runs right after launch, before the worker is hooked.
 */
export function chromiumSuite({ shared = false, routes, extDir = EXT_DIR, needs = 'pkg/abridge_bg.wasm', hookWorkerLog = false, onLaunch } = {}) {
  const built = fs.existsSync(path.join(EXT_DIR, needs));
  const state = {
    skip: (!chromiumPath() && 'chromium not installed (scripts/setup.sh test installs it)') || (!built && 'extension not built (scripts/build.sh)'),
    srv: null,
    b: null,
    workerLog: null,
    ready: () => (started ??= start()),
  };
  let started = null;
  async function start() {
    if (state.skip) return state;
    state.srv = await startServer({ repo: REPO, shared: shared && hasShared ? SHARED_PAGES : null, ...(routes ? { routes } : {}) });
    state.b = await launch(extDir);
    if (onLaunch) await onLaunch(state.b);
    if (hookWorkerLog) state.workerLog = await hookWorker(state.b.sw);
    return state;
  }
  before(() => state.ready());
  after(async () => {
    await started?.catch(() => {});
    if (state.b) {
      await state.b.close();
      state.b.cleanup();
    }
    if (state.srv) await state.srv.close();
  });
  return state;
}
