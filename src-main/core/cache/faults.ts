/**
 * Fault-injection seam for the crash tests: the cache calls the hook at the
 * points where a crash or an exception would split work that must stay
 * atomic, and a test makes the hook throw there. Production passes nothing.
 */
export type FaultPoint =
  | 'page.begin'
  | 'page.change'
  | 'page.core'
  | 'page.rebase'
  | 'page.cursor'
  | 'page.end'
  | 'edit.afterRowChange'
  | 'edit.beforeCommit'
  | 'push.afterRejections'
  | 'push.beforeCommit';

export type FaultHook = (point: FaultPoint, index?: number) => void;

export const noFaults: FaultHook = () => undefined;
