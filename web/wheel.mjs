// The mouse wheel and trackpad for the app's canvas. Browsers report a wheel turn in pixels,
// lines or pages (WheelEvent.deltaMode) with positive deltaY meaning "scroll down"; ImGui counts
// notches with positive meaning "up". Emscripten's GLFW passed the raw deltaY on, so one notch
// (deltaY 100 in pixel mode) jumped a hundred notches the wrong way. Here each event becomes
// notches of ImGui's sign, in proportion, so a trackpad's small deltas scroll a little.
//
// In an embed (cooperative mode) the wheel scrolls the host page, as embedded maps do, until the
// reader clicks into the view or holds Ctrl (a trackpad pinch arrives as a wheel with ctrlKey).

/** Pixels one wheel notch scrolls in Chromium and Firefox's pixel mode. */
export const PIXELS_PER_NOTCH = 100;
/** Lines one notch scrolls in line mode (Firefox with a mouse wheel). */
export const LINES_PER_NOTCH = 3;

/**
 * A WheelEvent's deltas as ImGui notches: {x, y}, positive y = up, positive x = left.
 * `pageNotches` is how many notches one page (deltaMode 2) is worth.
 */
export function wheelNotches(event, pageNotches = 8) {
  const scale = event.deltaMode === 1 ? 1 / LINES_PER_NOTCH
    : event.deltaMode === 2 ? pageNotches
      : 1 / PIXELS_PER_NOTCH;
  const clean = (v) => (Number.isFinite(v) ? v : 0);
  // "+ 0" turns -0 (no movement, negated) into 0.
  const x = -clean(event.deltaX) * scale + 0, y = -clean(event.deltaY) * scale + 0;
  // Shift+wheel: Chromium already turned it into deltaX, while ImGui turns a vertical wheel with
  // Shift held into a horizontal scroll itself; hand it over as vertical so it is not lost.
  if (event.shiftKey && y === 0) return { x: 0, y: x };
  return { x, y };
}

/**
 * Sends the canvas's wheel events to `sink(x, y)` in notches. With `cooperative`, a wheel
 * without Ctrl passes to the page until the canvas was clicked (and the pointer has not left it
 * since); `onPassed()` is called for such a wheel so the page can show how to zoom instead.
 * Returns a function that detaches the listeners.
 */
export function attachWheel(canvas, sink, { cooperative = false, onPassed = () => {} } = {}) {
  let engaged = !cooperative;
  const engage = () => { engaged = true; };
  const disengage = () => { if (cooperative) engaged = false; };
  const onWheel = (event) => {
    if (!engaged && !event.ctrlKey) {
      onPassed();
      return;  // not prevented: the host page scrolls
    }
    event.preventDefault();  // the page must not scroll, nor zoom on Ctrl+wheel
    const { x, y } = wheelNotches(event, Math.max(1, canvas.clientHeight / PIXELS_PER_NOTCH));
    if (x !== 0 || y !== 0) sink(x, y);
  };
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerdown', engage);
  canvas.addEventListener('pointerleave', disengage);
  return () => {
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('pointerdown', engage);
    canvas.removeEventListener('pointerleave', disengage);
  };
}
