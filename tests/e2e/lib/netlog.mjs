// Reads Chromium's net log (--log-net-log=FILE): every URL request the browser made, with
// its initiator. Used to prove the extension itself makes no network request.
import fs from 'node:fs';

/** `[{url, initiator, isolationKey}]` for each request event in the log. */
export function requests(file) {
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"url"')) continue;
    let ev;
    try {
      ev = JSON.parse(line.replace(/,\s*$/, ''));
    } catch {
      continue;
    }
    const p = ev && ev.params;
    if (!p || typeof p.url !== 'string') continue;
    out.push({ url: p.url, initiator: p.initiator || '', isolationKey: p.network_isolation_key || '' });
  }
  return out;
}
