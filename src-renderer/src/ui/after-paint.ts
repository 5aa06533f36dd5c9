/** Work that should wait until the screen it follows has been drawn. */

/**
 * Runs `fn` once the next frame has been painted (a task posted from the
 * frame's requestAnimationFrame runs after it), or after `fallbackMs` when
 * no frame comes (a hidden window draws none). Returns the cancel.
 */
export function afterNextPaint(fn: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancel();
    fn();
  };
  let posted: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    posted = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, fallbackMs);
  function cancel(): void {
    cancelAnimationFrame(frame);
    clearTimeout(posted);
    clearTimeout(fallback);
  }
  return () => {
    done = true;
    cancel();
  };
}
