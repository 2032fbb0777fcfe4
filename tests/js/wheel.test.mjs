// web/wheel.mjs: a wheel event's deltas become ImGui notches in the browser's direction, in
// proportion, whatever its deltaMode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wheelNotches } from '../../web/wheel.mjs';

const PIXELS = 0, LINES = 1, PAGES = 2;

test('a notch in pixel mode (100 px) and in line mode (3 lines) is one notch, down being negative', () => {
  assert.deepEqual(wheelNotches({ deltaX: 0, deltaY: 100, deltaMode: PIXELS }), { x: 0, y: -1 });
  assert.deepEqual(wheelNotches({ deltaX: 0, deltaY: 3, deltaMode: LINES }), { x: 0, y: -1 });
  assert.deepEqual(wheelNotches({ deltaX: 0, deltaY: -100, deltaMode: PIXELS }), { x: 0, y: 1 });
});

test('a trackpad\'s small deltas give fractions of a notch', () => {
  const { y } = wheelNotches({ deltaX: 0, deltaY: 12, deltaMode: PIXELS });
  assert.ok(Math.abs(y + 0.12) < 1e-9, String(y));
  assert.ok(Math.abs(wheelNotches({ deltaX: 30, deltaY: 0, deltaMode: PIXELS }).x + 0.3) < 1e-9);
});

test('a page is worth the notches the caller says; junk deltas are no movement', () => {
  assert.equal(wheelNotches({ deltaX: 0, deltaY: 1, deltaMode: PAGES }, 6).y, -6);
  assert.deepEqual(wheelNotches({ deltaX: NaN, deltaY: undefined, deltaMode: PIXELS }), { x: 0, y: 0 });
});

test('Shift+wheel, which Chromium reports as deltaX, stays a scroll ImGui sees', () => {
  assert.deepEqual(wheelNotches({ deltaX: 100, deltaY: 0, deltaMode: PIXELS, shiftKey: true }), { x: 0, y: -1 });
});
