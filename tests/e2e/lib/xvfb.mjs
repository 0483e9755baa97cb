// A private X server (Xvfb) for headful browsers, and real key presses into it (xdotool):
// the only way to press a keyboard shortcut the way a user does, so that the browser's own
// key handling (menus, page access keys, extension commands) decides where it goes.
import { spawn, execFileSync } from 'node:child_process';

function have(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why real key presses cannot run here, or '' when they can. */
export function xMissing() {
  const missing = ['Xvfb', 'xdotool'].filter((c) => !have(c));
  return missing.length ? `${missing.join(' and ')} not installed (scripts/setup.sh test installs them)` : '';
}

/** Starts Xvfb on a free display (it picks one and tells us through -displayfd). */
export async function startXvfb({ width = 1280, height = 800 } = {}) {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const display = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start: ' + stderr)), 10000);
    proc.stdio[3].on('data', (d) => {
      clearTimeout(timer);
      resolve(':' + String(d).trim());
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
  });
  const env = { ...process.env, DISPLAY: display };
  delete env.WAYLAND_DISPLAY;
  const xdotool = (...args) => execFileSync('xdotool', args, { env, encoding: 'utf8' }).trim();
  return {
    display,
    env,
    xdotool,
    /** A real key press, e.g. 'alt+shift+u' (modifiers the user may hold are cleared first). */
    key: (combo) => xdotool('key', '--clearmodifiers', combo),
    /** Gives keyboard focus to the visible top-level window of `wmClass` (no window manager here). */
    focus(wmClass) {
      const ids = xdotool('search', '--onlyvisible', '--class', wmClass).split('\n').filter(Boolean);
      if (!ids.length) throw new Error(`no visible ${wmClass} window`);
      const id = ids[ids.length - 1];
      xdotool('windowfocus', '--sync', id);
      xdotool('mousemove', '--window', id, '600', '400');
      return id;
    },
    stop() {
      proc.kill();
    },
  };
}

/** xdotool's spelling of a manifest shortcut: 'Alt+Shift+U' → 'alt+shift+u'. */
export function xKey(combo) {
  return combo
    .split('+')
    .map((k) => k.toLowerCase())
    .join('+');
}
