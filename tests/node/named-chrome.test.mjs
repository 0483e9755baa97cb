// Unit tests of the class/id names extraction reads as page chrome (extension/content/extract.js,
// NAME_PATTERNS): every spelling pages use is found, in any case, with a hash suffix, in a
// class, an id or a test id; and the quick test that skips names without a piece of any
// pattern's words (NAME_PIECES) skips none of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/lib/contract.js';
import '../../extension/content/textmap.js';
import '../../extension/content/format.js';
import '../../extension/content/extract.js';

const { nameBits, clear, patterns, pieces } = globalThis.AbridgeLib.extract.named;
const [CAPTION, SIGNUP, HIGHLIGHTS, AUTHOR, STANDFIRST, HOVER, DATELINE] = patterns.map((_, i) => 1 << i);

/** A stand-in for an element: what nameBits reads. */
function el({ cls = null, id = '', test = null, tag = 'div' }) {
  return { getAttribute: (a) => (a === 'class' ? cls : a === 'data-test' ? test : null), id, localName: tag };
}

const NAMES = {
  [CAPTION]: ['caption', 'newsCaption', 'image-caption', 'wp-caption-text', 'credit', 'credits', 'photo-credit', 'photoCredits', 'image_credit', 'ImageCredit'],
  [SIGNUP]: ['newsletter', 'newsletters', 'signup', 'sign-up', 'SignUp', 'newsletter-signup', 'subscribe', 'subscription'],
  [HIGHLIGHTS]: ['highlights', 'story-highlights', 'highlights-cont', 'key-points', 'keypoints', 'keyPoints'],
  [AUTHOR]: ['author-bio', 'authorBio', 'about-the-author', 'aboutAuthor', 'author-box', 'author_info', 'author-details', 'author-detail-box', 'author-card', 'post-author', 'author-profile'],
  [STANDFIRST]: ['standfirst', 'stand-first', 'standFirst', 'dek', 'deck', 'sub-headline', 'subheadline', 'subHeadline', 'subhead', 'strapline', 'sub-title', 'subtitle', 'article-subtitle', 'Article_subtitle__x8k2p'],
  [HOVER]: ['hover', 'hovercard', 'hover-card', 'rollover', 'tooltip', 'toolTip', 'popover', 'popOver', 'popup', 'popUp', 'tippy', 'tippy-box'],
  [DATELINE]: ['byline', 'bylines', 'dateline', 'timestamp', 'time-stamp', 'pubdate', 'publish-date', 'PublishDate', 'published-date', 'publication-date', 'story-date', 'article-date', 'post-date', 'posted-on', 'postedOn', 'dates', 'submitted', 'submitted-by', 'submitted-date'],
};

test('every spelling of each kind of named chrome is found, in a class, an id or a test id', () => {
  for (const [bit, names] of Object.entries(NAMES)) {
    for (const name of names) {
      for (const where of [{ cls: `wrapper ${name}` }, { id: name }, { test: name }, { cls: name[0].toUpperCase() + name.slice(1) }]) {
        clear();
        const bits = nameBits(el(where));
        assert.ok(bits & Number(bit), `${JSON.stringify(where)} (bits ${bits})`);
      }
    }
  }
  clear();
  assert.ok(nameBits(el({ tag: 'figcaption' })) & CAPTION, 'a <figcaption> by its tag');
  assert.ok(nameBits(el({ tag: 'author-bio' })) & AUTHOR, 'a custom element by its tag');
});

test('every name the patterns match holds a piece, so the quick skip loses none', () => {
  for (const names of Object.values(NAMES)) {
    for (const name of names) assert.ok(pieces.some((p) => name.toLowerCase().includes(p)), name);
  }
});

test('names of article text and layout are no chrome', () => {
  for (const name of ['story-body', 'article-content', 'headline', 'container', 'paragraph', 'main', 'text', 'rich-text', 'body_3xk9q']) {
    clear();
    assert.equal(nameBits(el({ cls: name })), 0, name);
  }
});
