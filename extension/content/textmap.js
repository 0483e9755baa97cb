// Text mapping: builds the paragraph strings that are sent to the core while remembering, for
// every UTF-16 code unit, which live text node (and offset in it) it came from. The core
// answers with UTF-16 offsets into those strings (`paragraph_span_utf16`); `rangePoints`
// turns them back into DOM positions, so a sentence can be highlighted on the page even
// though whitespace was collapsed before sending.
//
// Pure (no DOM access): "refs" are opaque (text nodes in the browser, anything in tests).
// Loaded as a classic content script (executeScript({files})) and by Node's tests, so it
// only attaches itself to a global namespace.
(function (lib) {
  'use strict';

  // White space as the core and CSS collapse it. NBSP counts too: it is layout, not text.
  const WS = /\s/;

  /** Accumulates text pieces into one normalised string with a per-code-unit source map. */
  class TextBuilder {
    constructor() {
      this.chars = [];
      this.refs = [];
      this.refIndex = new Map();
      this.nodeIdx = [];
      this.offset = [];
      this.pendingSpace = false;
    }

    /** Appends `text`, which is `ref`'s data starting at `base` (whitespace runs collapse). */
    add(text, ref, base = 0) {
      let ri = -1;
      if (ref !== null && ref !== undefined) {
        ri = this.refIndex.get(ref);
        if (ri === undefined) {
          ri = this.refs.length;
          this.refs.push(ref);
          this.refIndex.set(ref, ri);
        }
      }
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (WS.test(ch)) {
          if (this.chars.length) this.pendingSpace = true;
          continue;
        }
        if (this.pendingSpace) {
          this.chars.push(' ');
          this.nodeIdx.push(-1);
          this.offset.push(-1);
          this.pendingSpace = false;
        }
        this.chars.push(ch);
        this.nodeIdx.push(ri);
        this.offset.push(ri < 0 ? -1 : base + i);
      }
    }

    /** A soft break (a `<br>`, a boundary between inline runs): becomes one space at most. */
    space() {
      if (this.chars.length) this.pendingSpace = true;
    }

    get length() {
      return this.chars.length;
    }

    /** The finished map: `{text, refs, nodeIdx, offset}`; the builder can be reused after. */
    finish() {
      const map = {
        text: this.chars.join(''),
        refs: this.refs,
        nodeIdx: Int32Array.from(this.nodeIdx),
        offset: Int32Array.from(this.offset),
      };
      this.chars = [];
      this.refs = [];
      this.refIndex = new Map();
      this.nodeIdx = [];
      this.offset = [];
      this.pendingSpace = false;
      return map;
    }
  }

  /** Collapses white space like the builder does, without a map. */
  function normalise(text) {
    return String(text).replace(/\s+/g, ' ').trim();
  }

  /**
   * DOM positions for the UTF-16 range `[start, end)` of `map.text`:
   * `{startRef, startOffset, endRef, endOffset}` (end exclusive), or null when no character
   * of the range came from a ref (or the range is empty or out of bounds).
   */
  function rangePoints(map, start, end) {
    const n = map.text.length;
    if (!(start >= 0) || !(end <= n) || start >= end) return null;
    let s = start;
    while (s < end && map.nodeIdx[s] < 0) s++;
    let e = end - 1;
    while (e >= s && map.nodeIdx[e] < 0) e--;
    if (s > e) return null;
    return {
      startRef: map.refs[map.nodeIdx[s]],
      startOffset: map.offset[s],
      endRef: map.refs[map.nodeIdx[e]],
      endOffset: map.offset[e] + 1,
    };
  }

  /** Whether every non-space character of `map.text` has a source (fully mapped). */
  function fullyMapped(map) {
    for (let i = 0; i < map.text.length; i++) {
      if (map.nodeIdx[i] < 0 && map.text[i] !== ' ') return false;
    }
    return map.text.length > 0;
  }

  /** UTF-16 range of `needle` (normalised) in `map.text`, or null. */
  function find(map, needle) {
    const n = normalise(needle);
    if (!n) return null;
    const at = map.text.indexOf(n);
    return at < 0 ? null : { start: at, end: at + n.length };
  }

  lib.textmap = { TextBuilder, normalise, rangePoints, fullyMapped, find };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
