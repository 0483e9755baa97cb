// The demo's core runs here, off the page's thread, so that typing stays smooth while a long
// paste is summarised. One request at a time, in order: {id, article, options} in,
// {id, summary} or {id, error: {name, message}} out (`name` is the core's error code,
// src/contract.rs). The first message after loading is {ready, version}.
import init, { summarize, version } from './pkg/abridge.js';

const ready = init({ module_or_path: new URL('./pkg/abridge_bg.wasm', import.meta.url) }).then(
  () => postMessage({ ready: true, version: version() }),
  (e) => postMessage({ ready: false, error: { name: 'internal', message: String((e && e.message) || e) } }),
);

self.onmessage = async ({ data }) => {
  await ready;
  try {
    postMessage({ id: data.id, summary: summarize(data.article, data.options) });
  } catch (e) {
    postMessage({ id: data.id, error: { name: (e && e.name) || 'internal', message: String((e && e.message) || e) } });
  }
};
