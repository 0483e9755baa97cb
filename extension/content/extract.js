// Article extraction, run in the page (classic content script).
//
// Readability works on a CLONE of the document (it rewrites the tree it is given). Before it
// runs, every text node of the clone is paired with the same text node of the live page (the
// clone has the same shape, so a parallel walk pairs them); Readability moves nodes around but
// keeps text nodes, so each paragraph of its output can name the live text nodes it came from.
// That map (textmap.js) is what lets a summary sentence be highlighted on the live page.
//
// Paragraphs are one string per block element of the article, so headings and list items stay
// separate. Figures and their captions are left out (they are not the story, and the core
// would otherwise have to guess they are captions), as are short paragraphs that are all link
// text ("Related: …", navigation, lists of other stories) except headings, and related-story
// lines. Before Readability runs, the clone loses the page chrome inside the article's
// container, each kind by its structure (dropChrome). Over the 120 shared pages token F1 went
// from 0.967 to 0.972 with the link and caption rules, and to 0.981 (precision 0.982) with
// dropChrome: human-judged pages gain, Readability's own fixtures lose a little where they
// keep such chrome.
(function (lib) {
  'use strict';
  const { TextBuilder } = lib.textmap;

  const BLOCK = new Set([
    'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
    'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
    'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
    'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
  ]);
  // Never text of the article. Figures: photos with captions and credits.
  const SKIP = new Set([
    'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
    'select', 'textarea', 'input', 'button', 'figure', 'figcaption', 'head', 'title', 'meta', 'link',
  ]);
  const HAS_WORD = /[\p{L}\p{N}]/u;
  const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

  /**
   * Paragraphs (textmap maps) of `root`'s subtree, one per block element or run of inline
   * content between blocks. `liveOf(textNode)` gives the live node a text node stands for
   * (null: none); `visible(el)` may hide elements; `range` clips to a selection; `dropLinks`
   * leaves out short non-heading paragraphs that are (80 %+) link text, and related-story
   * lines (relatedLinks).
   */
  function collect(root, { liveOf = (n) => n, visible = null, range = null, dropLinks = false } = {}) {
    const out = [];
    const b = new TextBuilder();
    let inLink = 0;
    let linkChars = 0;
    let allChars = 0;
    let curBlock = null;
    let inItem = 0; // list items open: a heading in one is a teaser's headline, not the article's
    let links = 0; // links begun in the paragraph
    let lead = ''; // its text before its first link
    let plain = ''; // its text outside links
    const flush = (blockName) => {
      const counts = [linkChars, allChars];
      const shape = { links, lead, plain, linkShare: allChars ? linkChars / allChars : 0 };
      linkChars = 0;
      allChars = 0;
      links = 0;
      lead = '';
      plain = '';
      if (!b.length) return;
      const map = b.finish();
      if (!HAS_WORD.test(map.text)) return;
      const heading = /^h[1-6]$/.test(blockName || '') && !inItem;
      const address = /^[a-z]+:\/\/\S+$/i.test(map.text.trim()); // a bare web address: a source, kept
      if (dropLinks && !heading && !address && counts[0] >= 0.8 * counts[1] && weight(map.text) < 80) return;
      if (dropLinks && !heading && relatedLinks(shape, map.text)) return;
      out.push(map);
    };
    const visit = (node) => {
      if (node.nodeType === 3) {
        let s = 0;
        let e = node.data.length;
        if (range) {
          if (!range.intersectsNode(node)) return;
          if (node === range.startContainer) s = range.startOffset;
          if (node === range.endContainer) e = range.endOffset;
        }
        if (e > s) {
          const piece = node.data.slice(s, e);
          const n = piece.replace(/\s+/g, '').length;
          allChars += n;
          if (inLink) linkChars += n;
          else {
            plain += ` ${piece}`;
            if (!links) lead += piece;
          }
          b.add(piece, liveOf(node), s);
        }
        return;
      }
      if (node.nodeType !== 1) return;
      const name = node.localName;
      if (SKIP.has(name)) return;
      if (name === 'br') return b.space();
      if (range && !range.intersectsNode(node)) return;
      if (visible && !visible(node)) return;
      const block = BLOCK.has(name);
      const outer = curBlock;
      if (block) {
        flush(outer);
        curBlock = name;
      } else if (name === 'img' || name === 'wbr') {
        b.space();
      }
      const link = name === 'a';
      if (link && !inLink) links++;
      if (link) inLink++;
      if (name === 'li') inItem++;
      for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      if (name === 'li') inItem--;
      if (link) inLink--;
      if (block) {
        flush(name);
        curBlock = outer;
      }
    };
    visit(root);
    flush(curBlock);
    return out;
  }

  /**
   * A line of links to other stories inside the article: a short label and its links
   * ("Read more: <headline>", "See also: <headline>"), or a run of two or more headline links
   * with little else between them ("<headline> [VIDEO] | <headline> [INSIGHT]"), or one
   * headline that is all link and ends without a full stop (a bare web address is a source). Known by its
   * shape (a label of a few words ending in a colon, mostly link text), not its words.
   */
  function relatedLinks({ links, lead, plain, linkShare }, text) {
    if (!links || weight(text) > 400) return false;
    const words = (s) => s.split(/\s+/).filter((w) => HAS_WORD.test(w)).length;
    const label = lead.trim();
    if (linkShare >= 0.6 && label && words(label) <= 4 && /[:：|]$/.test(label)) return true;
    // One headline, all of it a link (ALL CAPS on some sites), standing as its own paragraph.
    const t = text.trim();
    if (links === 1 && linkShare >= 0.95 && weight(t) <= 200 && !/[.!?。！？]["'”’»)]?$/.test(t) && !/^[a-z]+:\/\/\S+$/i.test(t)) return true;
    return links >= 2 && linkShare >= 0.7 && words(plain) <= 2 * links;
  }

  /** Clone text node → live text node, by walking both documents in step. */
  function pairTextNodes(live, clone) {
    const pairs = new Map();
    const a = live.createTreeWalker(live, NodeFilter.SHOW_TEXT);
    const b = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
      if (x.data !== y.data) break; // shapes diverged (should not happen); stop pairing
      pairs.set(y, x);
    }
    return pairs;
  }

  /**
   * Most characters of page text Readability reads: twice the contract's LONG_ARTICLE_CHARS,
   * room for the page chrome before the article. Readability's work grows with the text (a
   * 10 MB live blog took seconds), so the clone it reads is cut here (trimClone).
   */
  const READ_CHARS = 2 * globalThis.AbridgeLib.contract.LONG_ARTICLE_CHARS;

  /**
   * Cuts the clone Readability reads: once `max` characters of text have been seen (text in
   * scripts, styles and templates does not count), the text after is emptied, so Readability's
   * work is bounded by `max` and not by the page. Returns `{cut, offsets}`: how many characters
   * were cut (0 for nearly every page), and for a page that was cut, where each text node that
   * was read ends in the page's text. The live page is untouched; a cut text node keeps its
   * start, so the offsets into it still hold in its live twin.
   */
  function trimClone(clone, max) {
    const walker = clone.createTreeWalker(clone.body || clone, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let seen = 0;
    let cut = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentNode ? n.parentNode.nodeName : '';
      if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE') continue;
      const len = n.data.length;
      if (seen + len <= max) {
        seen += len;
        nodes.push([n, seen]);
        continue;
      }
      const keep = max - seen;
      cut += len - keep;
      seen = max;
      if (keep > 0) nodes.push([n, max]);
      n.data = keep > 0 ? n.data.slice(0, keep) : '';
    }
    return { cut, offsets: cut ? new Map(nodes) : null };
  }

  /**
   * How much of a cut page (trimClone) the article lost: the characters cut when the article
   * runs on to the cut (its last text ends in the last tenth of what was read), else 0 (an
   * article followed by a very long comment thread was read whole).
   */
  function articleCut(content, { cut, offsets }, max) {
    if (!cut) return 0;
    const walker = content.ownerDocument.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    let end = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) end = Math.max(end, offsets.get(n) || 0);
    return end >= 0.9 * max ? cut : 0;
  }

  function isVisible(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return false;
    if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
    const cs = getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility !== 'hidden';
  }

  /** How much text, with CJK characters counting as words (three letters each). */
  function weight(text) {
    const cjk = (text.match(CJK) || []).length;
    return text.length + 2 * cjk;
  }

  /**
   * Enough text to be worth summarising: 300 of weight with a block of 80, or 200 when the page
   * looks like an article (`readerable`: a boolean, or a function asked only for a total
   * between the two).
   */
  function usable(maps, readerable) {
    if (!maps || !maps.length) return false;
    const total = maps.reduce((n, m) => n + weight(m.text), 0);
    const longest = Math.max(...maps.map((m) => weight(m.text)));
    if (longest < 80 || total < 200) return false;
    return total >= 300 || Boolean(typeof readerable === 'function' ? readerable() : readerable);
  }

  // Page chrome that sits inside the article's container, where Readability keeps it (and
  // drops the class names that would tell it apart): it leaves the clone before Readability
  // runs. Each kind is recognised by its structure, not by a site's wording; only short
  // elements go (CHROME_MAX, by weight), so that a wrapper so named around the story stays.
  const CHROME_MAX = 600;
  const squashText = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  const short = (el, max = CHROME_MAX) => weight(squashText(el)) <= max;
  const KEEP = new Set(['body', 'html', 'article', 'main']);
  /** The words of an element's class, id and tag name, lower case ("sub-headline" → sub, headline, sub-headline). */
  function nameTokens(el) {
    const raw = `${el.getAttribute('class') || ''} ${el.id || ''} ${el.getAttribute('data-test') || ''} ${el.localName}`;
    const words = new Set();
    for (const part of raw.split(/\s+/)) {
      if (!part) continue;
      const p = part.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().replace(/_+[0-9a-z]{5}$/i, '');
      words.add(p);
      for (const w of p.split(/[-_]+/)) if (w) words.add(w);
    }
    return words;
  }
  // Photo captions and credits outside <figure>/<figcaption>: named in a class or id
  // ("caption", "newsCaption", "image-caption", "wp-caption-text", "credit", "credits").
  const CAPTION_NAME = /caption|^credits?$|^photo-?credits?$|^image-?credits?$/;
  // Sign-up calls for newsletters and alerts, named so in their class, id or test id.
  const SIGNUP_NAME = /^(newsletters?|signup|sign-up|newsletter-signup|subscribe|subscription)$/;
  // A list of bullet points over the story ("story highlights", "key points"): not the story.
  const HIGHLIGHTS_NAME = /^(highlights|story-highlights|highlights-cont|key-points|keypoints)$/;
  // The author's box after the story: photo, name, a line of biography, social links (a bare
  // "bio" may be a biography's own section, so the name must say author).
  const AUTHOR_BOX_NAME = /^(author[-_]?bio[-_a-z]*|about[-_]?(the[-_]?)?author|author[-_]?(box|info|details?|detail[-_]box|content|card|excerpt|description|profile)|post[-_]?author)$/;
  // The standfirst (dek, strapline) under the headline: a summary the article then retells.
  const STANDFIRST_NAME = /^(standfirst|stand-first|dek|deck|sub-?headline|subhead|strapline|sub-?title|article-subtitle)$/;
  // Hover cards: a person's or a topic's card inlined in running text, shown on hover.
  // (camelCase names split: "toolTip" is read as tool-tip.)
  const HOVER_NAME = /^(hover|hovercard|hover-card|rollover|tooltip|tool-tip|popover|pop-over|popup|pop-up|tippy)$|rollover|hover-?card/;

  // Bylines and date stamps: named so, or a <time> (or a schema.org date) with a few words
  // around it ("Published:", "Updated", "|").
  const DATELINE_NAME = /^(byline|bylines|dateline|timestamp|time-stamp|pubdate|publish-date|published-date|publication-date|story-date|article-date|post-date|posted-on|dates|submitted|submitted-by|submitted-date)$/;
  const DATE_MARK = 'time, [itemprop="datePublished" i], [itemprop="dateModified" i], [itemprop="dateCreated" i]';

  // Which of these name patterns an element's names match, as bits, worked out once per
  // element and once per distinct set of names (pages repeat a few class names on thousands of
  // elements) in each extraction: dropChrome starts both caches and empties them after.
  const NAME_PATTERNS = [CAPTION_NAME, SIGNUP_NAME, HIGHLIGHTS_NAME, AUTHOR_BOX_NAME, STANDFIRST_NAME, HOVER_NAME, DATELINE_NAME];
  const byNames = new Map(); // class, id, test id and tag → bits
  const byElement = new Map(); // element → bits
  function nameBits(el) {
    let bits = byElement.get(el);
    if (bits !== undefined) return bits;
    const raw = `${el.getAttribute('class') || ''}\n${el.id || ''}\n${el.getAttribute('data-test') || ''}\n${el.localName}`;
    bits = byNames.get(raw);
    if (bits === undefined && !NAME_HINT.test(raw)) bits = 0;
    if (bits === undefined) {
      bits = 0;
      const words = nameTokens(el);
      NAME_PATTERNS.forEach((re, i) => {
        for (const w of words) {
          if (re.test(w)) {
            bits |= 1 << i;
            break;
          }
        }
      });
      byNames.set(raw, bits);
    }
    byElement.set(el, bits);
    return bits;
  }
  // Each word any of NAME_PATTERNS matches holds one of these pieces, and nameTokens only
  // lower-cases, splits and drops a hash suffix: names without a piece (in any case) match no
  // pattern, and are known so by one test instead of tokenising them (the first walk over a
  // large page's elements went from about 5 to 1 ms).
  const NAME_PIECES = [
    'caption', 'credit', // CAPTION_NAME
    'newsletter', 'signup', 'sign-up', 'subscri', // SIGNUP_NAME
    'highlights', 'keypoints', 'key-points', // HIGHLIGHTS_NAME
    'author', // AUTHOR_BOX_NAME
    'standfirst', 'stand-first', 'dek', 'deck', 'subhead', 'sub-head', 'strapline', 'subtitle', 'sub-title', // STANDFIRST_NAME
    'hover', 'rollover', 'tooltip', 'tool-tip', 'popover', 'pop-over', 'popup', 'pop-up', 'tippy', // HOVER_NAME
    'byline', 'stamp', 'date', 'posted', 'submitted', // DATELINE_NAME
  ];
  const NAME_HINT = new RegExp(NAME_PIECES.join('|'), 'i');

  /** Whether one of the words of `el`'s names (nameTokens) matches `re`, one of NAME_PATTERNS. */
  const hasToken = (el, re) => (nameBits(el) & (1 << NAME_PATTERNS.indexOf(re))) !== 0;

  /** Whether `el` holds whole blocks of the article (a wrapper), not one piece of chrome. */
  const wrapsArticle = (el) => KEEP.has(el.localName) || el.querySelectorAll('p').length > 3;

  /** Elements whose class, id or tag names a caption, a sign-up call, story highlights or the author's box. */
  function dropNamedChrome(root) {
    const named = (1 << NAME_PATTERNS.indexOf(CAPTION_NAME)) | (1 << NAME_PATTERNS.indexOf(SIGNUP_NAME)) | (1 << NAME_PATTERNS.indexOf(HIGHLIGHTS_NAME)) | (1 << NAME_PATTERNS.indexOf(AUTHOR_BOX_NAME));
    for (const el of [...root.querySelectorAll('*')]) {
      if (!(nameBits(el) & named)) continue;
      if (el.isConnected && short(el) && !wrapsArticle(el)) el.remove();
    }
  }

  /**
   * Captions known by their shape: a short element right after a photo (in the photo's
   * parent, grandparent or great-grandparent) whose text is the photo's alt text.
   */
  function dropAltCaptions(root) {
    for (const img of [...root.querySelectorAll('img[alt]')]) {
      const alt = img.getAttribute('alt').replace(/\s+/g, ' ').trim();
      if (alt.split(' ').length < 3) continue;
      let box = img.parentElement;
      for (let up = 0; box && up < 3 && !wrapsArticle(box); up++, box = box.parentElement) {
        const twin = [...box.querySelectorAll('*')].find((el) => !el.contains(img) && el.compareDocumentPosition(img) & 2 && squashText(el) === alt);
        if (twin) {
          twin.remove();
          break;
        }
      }
    }
  }

  /**
   * Hover cards inlined in running text: an inline element, mostly links, with two or more
   * links and either a photo (inside a paragraph: a person's card with photo, name and their
   * latest headlines) or a name that says hover card or tooltip.
   */
  function dropHoverCards(root) {
    // Innermost first: the card goes, the name it hangs on stays.
    for (const el of [...root.querySelectorAll('p *, li *')].reverse()) {
      if (!el.isConnected || BLOCK.has(el.localName) || el.localName === 'a') continue;
      const links = el.querySelectorAll('a');
      if (!links.length) continue;
      const text = squashText(el).length || 1;
      const linkText = [...links].reduce((n, a) => n + squashText(a).length, 0);
      // A photo with the links in a paragraph's running text, or an element named a hover card.
      const shape = (el.querySelector('img') && el.closest('p')) || hasToken(el, HOVER_NAME);
      const card = links.length >= 2 && linkText >= 0.5 * text && shape;
      if (card) el.remove();
    }
  }

  /**
   * The standfirst: a heading right after the headline (<h1>), in the headline's header, or an
   * element named a standfirst, dek or sub-headline, before the story's first paragraph.
   */
  function dropStandfirsts(root) {
    for (const h1 of [...root.querySelectorAll('h1')]) {
      let el = h1.nextElementSibling;
      while (el && !squashText(el)) el = el.nextElementSibling;
      if (el && /^h[2-6]$/.test(el.localName) && short(el) && squashText(el).split(' ').length >= 6) el.remove();
    }
    // Named ones count only above the story: before its first paragraph of a sentence or more
    // (further down, a "subheadline" is a section heading).
    const first = [...root.querySelectorAll('p')].find((p) => weight(squashText(p)) >= 80 && !hasToken(p, STANDFIRST_NAME));
    for (const el of [...root.querySelectorAll('*')]) {
      if (!/^(h[2-6]|p|div|span|header)$/.test(el.localName) || !hasToken(el, STANDFIRST_NAME)) continue;
      const above = !first || el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (above && el.isConnected && short(el) && !wrapsArticle(el)) el.remove();
    }
  }

  /** Bylines and date stamps (DATELINE_NAME, DATE_MARK) of at most DATELINE_MAX. */
  const DATELINE_MAX = 150;
  function dropDatelines(root) {
    const words = (t) => t.split(/\s+/).filter((w) => HAS_WORD.test(w)).length;
    const fits = (el) => el.isConnected && !/^h[1-6]$/.test(el.localName) && short(el, DATELINE_MAX) && !wrapsArticle(el);
    for (const el of [...root.querySelectorAll('*')]) if (hasToken(el, DATELINE_NAME) && fits(el)) el.remove();
    // Around a date: the outermost block (up to four levels) with at most three words besides its dates.
    for (const mark of [...root.querySelectorAll(DATE_MARK)]) {
      let line = null;
      for (let up = mark, i = 0; up && up !== root && i < 4; up = up.parentElement) {
        if (!BLOCK.has(up.localName)) continue;
        i++;
        if (!fits(up)) break;
        const marks = up.matches(DATE_MARK) ? [up] : [...up.querySelectorAll(DATE_MARK)];
        const rest = marks.reduce((t, m) => t.replace(squashText(m), ' '), squashText(up));
        if (words(rest) > 3) break;
        line = up;
      }
      if (line) line.remove();
    }
  }

  /**
   * Teasers of other stories: on a page with several <article>s, a short one (not the
   * longest) that links elsewhere and carries a headline or a photo: a card with a headline,
   * a photo and a line of text.
   */
  function dropTeasers(root) {
    const articles = [...root.querySelectorAll('article')];
    if (articles.length < 2) return;
    const longest = articles.reduce((a, b) => (weight(squashText(b)) > weight(squashText(a)) ? b : a));
    for (const el of articles) {
      if (el === longest || el.contains(longest) || !el.isConnected || !short(el)) continue;
      if (el.querySelector('a[href]') && el.querySelector('h1, h2, h3, h4, h5, h6, img')) el.remove();
    }
  }

  /**
   * Sign-up calls known by where they lead: a link or form whose address names a newsletter,
   * a sign-up or a subscription ("/newsletters/…", "/newsletter-en/signup", "…/subscribe"),
   * with the short box around it (its largest ancestor up to three levels that stays within
   * SIGNUP_MAX): "Love the show? Our newsletter has it all. <a>Sign up now</a>."
   */
  const SIGNUP_MAX = 300;
  const SIGNUP_URL = /^(newsletters?|signup|subscri\w*)$/i;
  // No word of an address's path can match SIGNUP_URL unless the address or the base it is
  // resolved against has one of these (the URL parser only drops tabs and line breaks, and
  // dot segments): most links are known not to be sign-ups without parsing them.
  const SIGNUP_HINT = /newsletter|signup|subscri/i;
  function signUpTarget(el) {
    const url = el.getAttribute(el.localName === 'form' ? 'action' : 'href') || '';
    if (!SIGNUP_HINT.test(url.replace(/[\t\n\r]/g, '')) && !SIGNUP_HINT.test(el.baseURI || '')) return false;
    let path = url;
    try {
      const u = new URL(url, el.baseURI);
      path = u.pathname;
    } catch {
      // keep the raw text
    }
    return path.split(/[/\-_.]+/).some((w) => SIGNUP_URL.test(w));
  }
  function dropSignUps(root) {
    for (const el of [...root.querySelectorAll('a[href], form[action]')]) {
      if (!el.isConnected || !signUpTarget(el)) continue;
      if (el.localName === 'a' && squashText(el).split(' ').length > 6) continue;
      let box = null;
      let up = el.parentElement;
      for (let i = 0; up && i < 3 && !wrapsArticle(up) && short(up, SIGNUP_MAX); i++, up = up.parentElement) box = up;
      if (box) box.remove();
    }
  }

  function dropChrome(root) {
    byNames.clear();
    byElement.clear();
    dropSignUps(root);
    dropTeasers(root);
    dropDatelines(root);
    dropHoverCards(root);
    dropStandfirsts(root);
    dropAltCaptions(root);
    dropNamedChrome(root);
    byNames.clear();
    byElement.clear();
  }

  function fromReadability(doc) {
    if (typeof Readability !== 'function') return null;
    const clone = doc.cloneNode(true);
    const pairs = pairTextNodes(doc, clone);
    const trimmed = trimClone(clone, READ_CHARS);
    dropChrome(clone);
    let res;
    try {
      res = new Readability(clone, { serializer: (el) => el }).parse();
    } catch {
      return null;
    }
    if (!res || !res.content) return null;
    const maps = collect(res.content, { liveOf: (n) => pairs.get(n) || null, dropLinks: true });
    return {
      source: 'readability',
      maps,
      cut: articleCut(res.content, trimmed, READ_CHARS),
      meta: {
        title: res.title || doc.title || '',
        byline: res.byline || '',
        siteName: res.siteName || '',
        publishedTime: res.publishedTime || '',
        lang: res.lang || doc.documentElement.lang || '',
        dir: res.dir || '',
      },
    };
  }

  function pageMeta(doc) {
    return { title: doc.title || '', byline: '', siteName: '', publishedTime: '', lang: doc.documentElement.lang || '', dir: '' };
  }

  function fromSelection(doc, selectionText) {
    const sel = doc.getSelection && doc.getSelection();
    const maps = [];
    if (sel && !sel.isCollapsed) {
      for (let i = 0; i < sel.rangeCount; i++) {
        const r = sel.getRangeAt(i);
        let root = r.commonAncestorContainer;
        if (root.nodeType !== 1) root = root.parentNode;
        maps.push(...collect(root, { range: r }));
      }
    }
    if (!maps.length && selectionText && selectionText.trim()) {
      // The selection is somewhere we cannot see (a frame, a text field): text only, no map.
      for (const part of selectionText.split(/\n\s*\n|\r?\n/)) {
        const b = new TextBuilder();
        b.add(part, null);
        const m = b.finish();
        if (HAS_WORD.test(m.text)) maps.push(m);
      }
    }
    return maps.length ? { source: 'selection', maps, meta: pageMeta(doc) } : null;
  }

  function fromVisibleText(doc) {
    const maps = doc.body ? collect(doc.body, { visible: isVisible }) : [];
    return { source: 'page', maps, meta: pageMeta(doc) };
  }

  // Where pages state their publication date, most specific first (Open Graph article tags,
  // schema.org microdata, Dublin Core and the common "pubdate" names).
  const PUBLISHED_META = [
    'meta[property="article:published_time"]',
    'meta[property="og:article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="parsely-pub-date"]',
    'meta[name="sailthru.date"]',
    'meta[name="dc.date.issued"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dcterms.issued"]',
    'meta[name="DCTERMS.issued"]',
  ];
  // <time> elements that date the article itself: marked as its publication date, or in its header.
  const PUBLISHED_TIME = [
    'time[itemprop="datePublished"][datetime]',
    'time[pubdate][datetime]',
    'article header time[datetime]',
    'header time[datetime]',
  ];

  /**
   * A publication date as the core takes it (`Article.published`): an ISO 8601 date or
   * date-time kept as written (`2023-04-13`, `2023-04-13T09:30:00-04:00`), or a date written
   * `2023/04/13` or `2023.4.13` turned into `2023-04-13`; '' for anything else (RFC 2822
   * stamps, dates without a year), so that a page's junk never reaches the core.
   */
  function isoDate(value) {
    const v = String(value ?? '').trim();
    if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}[0-9:.+\-Zz ]*)?$/.test(v)) return v;
    const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d])/.exec(v);
    return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
  }

  /** `datePublished` of the first Article-like object in JSON-LD text ('' if none). */
  function jsonLdPublished(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return '';
    }
    const queue = [data];
    for (let seen = 0; queue.length && seen < 200; seen++) {
      const x = queue.shift();
      if (Array.isArray(x)) queue.push(...x);
      else if (x && typeof x === 'object') {
        if (typeof x.datePublished === 'string' && isoDate(x.datePublished)) return isoDate(x.datePublished);
        if (x['@graph']) queue.push(x['@graph']);
        if (x.mainEntity) queue.push(x.mainEntity);
      }
    }
    return '';
  }

  /**
   * The page's publication date (`isoDate` form), or '': Readability's `publishedTime` first
   * (it reads JSON-LD and the meta tags), then the meta tags, JSON-LD `datePublished` and a
   * `<time datetime>` that dates the article. Reads only `doc.querySelectorAll`,
   * `getAttribute` and `textContent`.
   */
  function publishedDate(doc, readabilityTime = '') {
    const fromReadability = isoDate(readabilityTime);
    if (fromReadability) return fromReadability;
    const attr = (sel, name) => {
      for (const el of doc.querySelectorAll(sel)) {
        const v = isoDate(el.getAttribute(name));
        if (v) return v;
      }
      return '';
    };
    for (const sel of PUBLISHED_META) {
      const v = attr(sel, 'content');
      if (v) return v;
    }
    for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const v = jsonLdPublished(el.textContent);
      if (v) return v;
    }
    for (const sel of PUBLISHED_TIME) {
      const v = attr(sel, 'datetime');
      if (v) return v;
    }
    return '';
  }


  /**
   * Extracts what to summarise from `doc`: `mode` 'page' (Readability, else the selection,
   * else the visible text) or 'selection' (the selection, else as 'page').
   *
   * Returns `{source, meta, maps, article, ms}` where `article` is what the core
   * gets (`{paragraphs, title, lang, published}`) and `maps[i]` maps `article.paragraphs[i]` to the page;
   * or `{source: null, ...}` with no `article` for pages that are not
   * articles.
   */
  function extract(doc, { mode = 'page', selectionText = '' } = {}) {
    const t0 = performance.now();
    // Whether the page looks like an article (Readability's test), asked only when the answer
    // matters (Readability's text between the two lengths usable() takes, or none at all): on
    // most pages it is never asked.
    let looks = null;
    const readerable = () => (looks ??= typeof isProbablyReaderable === 'function' ? Boolean(isProbablyReaderable(doc)) : true);
    let got = null;
    if (mode === 'selection') got = fromSelection(doc, selectionText);
    if (!got) {
      const r = fromReadability(doc);
      if (r && usable(r.maps, readerable)) got = r;
    }
    if (!got && mode !== 'selection') got = fromSelection(doc, '');
    if (!got && readerable()) {
      const v = fromVisibleText(doc);
      if (usable(v.maps, false)) got = v;
    }
    const ms = performance.now() - t0;
    if (!got) return { source: null, meta: pageMeta(doc), maps: [], article: null, ms };
    const article = lib.format.firstPart(got.maps.map((m) => m.text), got.cut || 0);
    if (got.meta.title.trim()) article.title = got.meta.title.trim();
    const lang = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(got.meta.lang) ? got.meta.lang : '';
    if (lang) article.lang = lang;
    // Relative dates ("Thursday", "yesterday") are resolved against it by the core.
    let published = '';
    try {
      published = publishedDate(doc, got.meta.publishedTime);
    } catch {
      published = '';
    }
    if (published) article.published = published;
    return { ...got, article, ms };
  }

  lib.extract = { extract, collect, usable, isVisible, publishedDate, isoDate, firstPart: lib.format.firstPart };
  /** For the tests: nameBits (its caches emptied by `clear`), the name patterns and the pieces every name they match holds. */
  lib.extract.named = { nameBits, clear: () => (byNames.clear(), byElement.clear()), patterns: NAME_PATTERNS, pieces: NAME_PIECES };
})((globalThis.AbridgeLib = globalThis.AbridgeLib || {}));
