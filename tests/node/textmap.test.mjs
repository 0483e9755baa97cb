// Unit tests of extension/content/textmap.js: the text sent to the core and the map back to DOM positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/content/textmap.js';

const { TextBuilder, rangePoints, fullyMapped, find, normalise } = globalThis.AbridgeLib.textmap;

test('collapses white space across pieces and keeps the source of every character', () => {
  const b = new TextBuilder();
  const n1 = { name: 'n1' };
  const n2 = { name: 'n2' };
  b.add('  Hello,\n  big ', n1);
  b.add('world.  ', n2);
  const m = b.finish();
  assert.equal(m.text, 'Hello, big world.');
  // "world." starts at 11 in the output and at 0 in n2.
  assert.deepEqual(rangePoints(m, 11, 17), { startRef: n2, startOffset: 0, endRef: n2, endOffset: 6 });
  // "big" is n1[11..14].
  assert.deepEqual(rangePoints(m, 7, 10), { startRef: n1, startOffset: 11, endRef: n1, endOffset: 14 });
  assert.ok(fullyMapped(m));
});

test('a span over several nodes starts in the first and ends in the last', () => {
  const b = new TextBuilder();
  const [a, em, c] = [{}, {}, {}];
  b.add('The ', a);
  b.add('very', em);
  b.add(' end.', c);
  const m = b.finish();
  assert.equal(m.text, 'The very end.');
  assert.deepEqual(rangePoints(m, 0, m.text.length), { startRef: a, startOffset: 0, endRef: c, endOffset: 5 });
});

test('soft breaks become one space; inserted spaces are not mapped', () => {
  const b = new TextBuilder();
  const [x, y] = [{}, {}];
  b.add('line one', x);
  b.space();
  b.space();
  b.add('line two', y);
  const m = b.finish();
  assert.equal(m.text, 'line one line two');
  assert.equal(m.nodeIdx[8], -1);
  // A range that starts on the inserted space starts at the next mapped character.
  assert.deepEqual(rangePoints(m, 8, 13), { startRef: y, startOffset: 0, endRef: y, endOffset: 4 });
});

test('UTF-16 offsets: astral characters and NBSP', () => {
  const b = new TextBuilder();
  const n = {};
  b.add('Prix\u00a0: 3 € 🙂 ok', n, 5);
  const m = b.finish();
  assert.equal(m.text, 'Prix : 3 € 🙂 ok');
  const at = m.text.indexOf('🙂');
  const p = rangePoints(m, at, at + 2);
  assert.equal(p.startOffset, 5 + 'Prix\u00a0: 3 € '.length);
  assert.equal(p.endOffset - p.startOffset, 2);
});

test('text without refs is not mapped; empty or bad ranges give null', () => {
  const b = new TextBuilder();
  b.add('from the context menu', null);
  const m = b.finish();
  assert.equal(fullyMapped(m), false);
  assert.equal(rangePoints(m, 0, 4), null);
  const b2 = new TextBuilder();
  b2.add('abc', {});
  const m2 = b2.finish();
  assert.equal(rangePoints(m2, 2, 2), null);
  assert.equal(rangePoints(m2, -1, 2), null);
  assert.equal(rangePoints(m2, 0, 9), null);
});

test('find locates normalised text', () => {
  const b = new TextBuilder();
  b.add('One  two\tthree', {});
  const m = b.finish();
  assert.deepEqual(find(m, 'two \n three'), { start: 4, end: 13 });
  assert.equal(find(m, 'four'), null);
  assert.equal(normalise('  a \n b  '), 'a b');
});

test('the builder is reusable after finish', () => {
  const b = new TextBuilder();
  b.add('first', {});
  b.finish();
  b.add(' second ', {});
  assert.equal(b.finish().text, 'second');
});
