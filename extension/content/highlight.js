// Shows a summary sentence on the page: builds a DOM Range for it from the extraction's
// text maps, paints it with the CSS Custom Highlight API (the page's DOM is not modified;
// the ::highlight style is inserted by the service worker) or, where that API is missing,
// selects it, and scrolls it into view.
(function (lib) {
  'use strict';
  const { rangePoints, find } = lib.textmap;
  const NAME = 'abridge-sentence';
  let liveCache = null;

  function toRange(doc, pts) {
    if (!pts || !pts.startRef.isConnected || !pts.endRef.isConnected) return null;
    try {
      const r = doc.createRange();
      r.setStart(pts.startRef, pts.startOffset);
      r.setEnd(pts.endRef, pts.endOffset);
      return r.collapsed ? null : r;
    } catch {
      return null;
    }
  }

  /** The live Range of `sentence` (a Summary sentence) given the extraction `ex`, or null. */
  function rangeFor(doc, ex, sentence) {
    const map = ex.maps[sentence.paragraph];
    if (!map) return null;
    const { start, end } = sentence.paragraph_span_utf16;
    const direct = toRange(doc, rangePoints(map, start, end));
    if (direct && direct.toString().replace(/\s+/g, '') === map.text.slice(start, end).replace(/\s+/g, '')) return direct;
    // Not mapped (Readability rebuilt that part) or the page changed since: look for the
    // sentence's text in the page's visible text.
    const needle = map.text.slice(start, end);
    for (const fresh of [false, true]) {
      if (!liveCache || fresh) liveCache = lib.extract.collect(doc.body, { visible: lib.extract.isVisible });
      for (const m of liveCache) {
        const at = find(m, needle);
        const r = at && toRange(doc, rangePoints(m, at.start, at.end));
        if (r) return r;
      }
    }
    return direct;
  }

  function clear() {
    if (globalThis.CSS && CSS.highlights) CSS.highlights.delete(NAME);
  }

  /** Highlights `range` and scrolls it into view. Returns how: 'highlight' or 'selection'. */
  function show(range, { smooth = true } = {}) {
    let how = 'selection';
    if (globalThis.CSS && CSS.highlights && typeof Highlight === 'function') {
      CSS.highlights.set(NAME, new Highlight(range));
      how = 'highlight';
    } else {
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    const behavior = smooth && !matchMedia('(prefers-reduced-motion: reduce)').matches ? 'smooth' : 'auto';
    let el = range.startContainer;
    if (el.nodeType !== 1) el = el.parentElement;
    const rect = range.getBoundingClientRect();
    if (el && el.getBoundingClientRect().height < innerHeight * 0.7) {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    } else {
      window.scrollBy({ top: rect.top - innerHeight * 0.3, behavior });
    }
    return how;
  }

  lib.highlight = { NAME, rangeFor, show, clear };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
