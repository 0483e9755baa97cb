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
    if (landing) landing();
    if (globalThis.CSS && CSS.highlights) CSS.highlights.delete(NAME);
  }

  // Scrolling that lands. A smooth scroll's destination is fixed when it starts; content above
  // the sentence that changes height while it runs (lazy images that fail to load and shrink to
  // their alt text, images without a reserved size that grow, injected ads,
  // `content-visibility: auto`) leaves the page at rest far from the sentence, and scroll
  // anchoring does not correct a running smooth scroll. So after the scroll ends (`scrollend`,
  // or no scroll event for QUIET_MS, or at the latest MAX_WAIT_MS) the sentence is measured
  // again and, when it is not where it was meant to be, the position is corrected at once; up to
  // MAX_CORRECTIONS times. A new click, the reader's own scrolling or clear() cancels it.
  const QUIET_MS = 200;
  const MAX_WAIT_MS = 2000;
  const MAX_CORRECTIONS = 5;
  const TOLERANCE_PX = 24;
  let landing = null; // the running landing's cancel function

  /** Where `range` is meant to come to rest: how far (px) it is from there now, and how to get there. */
  function aim(range) {
    let el = range.startContainer;
    if (el.nodeType !== 1) el = el.parentElement;
    const vh = innerHeight || 1;
    if (el && el.isConnected && el.getBoundingClientRect().height < vh * 0.7) {
      const r = el.getBoundingClientRect();
      return { el, off: (r.top + r.bottom) / 2 - vh / 2, centre: true };
    }
    const rect = range.getBoundingClientRect();
    return { el: null, off: rect.top - vh * 0.3, centre: false };
  }

  function scrollToRange(range, behavior) {
    const a = aim(range);
    if (a.centre) a.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    else window.scrollBy({ top: a.off, behavior });
  }

  /** Whether `range` is on screen (for one taller than the window: it covers the upper part). */
  function onScreen(range) {
    const r = range.getBoundingClientRect();
    if (r.height === 0 && r.width === 0) return false;
    if (r.height > innerHeight) return r.top <= innerHeight * 0.5 && r.bottom >= innerHeight * 0.5;
    return r.top >= 0 && r.bottom <= innerHeight;
  }

  /** Resolves when scrolling anywhere in `doc` has stopped (or `cancelled()` turns true). */
  function scrollStopped(doc, cancelled) {
    return new Promise((resolve) => {
      let quiet = 0;
      let cap = 0;
      const done = () => {
        clearTimeout(quiet);
        clearTimeout(cap);
        doc.removeEventListener('scroll', onScroll, true);
        doc.removeEventListener('scrollend', done, true);
        resolve(!cancelled());
      };
      const onScroll = () => {
        clearTimeout(quiet);
        quiet = setTimeout(done, QUIET_MS);
      };
      doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
      doc.addEventListener('scrollend', done, { capture: true, passive: true });
      onScroll();
      cap = setTimeout(done, MAX_WAIT_MS);
    });
  }

  /** After the scroll to `range` ends, measures again and corrects, a bounded number of times. */
  function land(range) {
    if (landing) landing();
    const doc = range.startContainer.ownerDocument;
    let cancelled = false;
    // The reader's own wheel, touch, key or mouse press cancels it; keys and clicks inside the
    // panel (its shadow host) are not the reader moving the page.
    const handlers = {};
    function cancel() {
      cancelled = true;
      for (const [ev, fn] of Object.entries(handlers)) doc.removeEventListener(ev, fn, true);
      if (landing === cancel) landing = null;
    }
    for (const ev of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
      handlers[ev] = (e) => {
        if (!e.isTrusted) return;
        if ((ev === 'keydown' || ev === 'mousedown') && e.composedPath().some((n) => n.id === 'abridge-host')) return;
        cancel();
      };
      doc.addEventListener(ev, handlers[ev], { capture: true, passive: true });
    }
    landing = cancel;
    (async () => {
      for (let i = 0; i <= MAX_CORRECTIONS; i++) {
        if (!(await scrollStopped(doc, () => cancelled))) return;
        if (!range.startContainer.isConnected) break;
        const a = aim(range);
        if (onScreen(range) && Math.abs(a.off) <= TOLERANCE_PX) break;
        if (i === MAX_CORRECTIONS) break;
        // 'instant', not 'auto': a page's `scroll-behavior: smooth` would make 'auto' smooth again.
        scrollToRange(range, 'instant');
        // Nothing moved (the top or the bottom of the page): as close as it gets.
        if (Math.abs(aim(range).off - a.off) < 1) break;
      }
      if (!cancelled) cancel();
    })();
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
    if (landing) landing();
    scrollToRange(range, behavior);
    land(range);
    return how;
  }

  lib.highlight = { NAME, rangeFor, show, clear };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
