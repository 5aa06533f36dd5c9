import { describe, expect, it } from 'vitest';
import { moveCursor, queueKeyAction } from '../../../src-renderer/src/pages/queue/queue-keys.ts';

const onPage = { inGrid: false, onPage: true };
const inGrid = { inGrid: true, onPage: false };
const onButton = { inGrid: false, onPage: false };

describe('queue keys', () => {
  it('j/k move anywhere on the queue; arrows, paging and Home/End only inside the grid', () => {
    expect(queueKeyAction({ key: 'j', ...onButton })).toEqual({ kind: 'move', delta: 1 });
    expect(queueKeyAction({ key: 'k', ...onPage })).toEqual({ kind: 'move', delta: -1 });
    expect(queueKeyAction({ key: 'ArrowDown', ...inGrid })).toEqual({ kind: 'move', delta: 1 });
    expect(queueKeyAction({ key: 'ArrowDown', ...onPage })).toBeNull();
    expect(queueKeyAction({ key: 'PageDown', ...inGrid })).toEqual({ kind: 'move', delta: 10 });
    expect(queueKeyAction({ key: 'End', ...inGrid })).toEqual({ kind: 'edge', to: 'last' });
    expect(queueKeyAction({ key: 'Home', ...onPage })).toBeNull();
  });

  it('Enter opens from the grid or the bare page, never from a focused button', () => {
    expect(queueKeyAction({ key: 'Enter', ...inGrid })).toEqual({ kind: 'open' });
    expect(queueKeyAction({ key: 'Enter', ...onPage })).toEqual({ kind: 'open' });
    expect(queueKeyAction({ key: 'Enter', ...onButton })).toBeNull();
  });

  it('x selects anywhere, Space only in the grid; / searches; n creates', () => {
    expect(queueKeyAction({ key: 'x', ...onButton })).toEqual({ kind: 'toggleSelect' });
    expect(queueKeyAction({ key: ' ', ...inGrid })).toEqual({ kind: 'toggleSelect' });
    expect(queueKeyAction({ key: ' ', ...onButton })).toBeNull();
    expect(queueKeyAction({ key: '/', ...onButton })).toEqual({ kind: 'search' });
    expect(queueKeyAction({ key: 'n', ...onPage })).toEqual({ kind: 'newTicket' });
    expect(queueKeyAction({ key: 'q', ...inGrid })).toBeNull();
  });

  it('keeps the cursor inside the list', () => {
    expect(moveCursor(-1, { kind: 'move', delta: 1 }, 5)).toBe(0);
    expect(moveCursor(-1, { kind: 'move', delta: -1 }, 5)).toBe(4);
    expect(moveCursor(4, { kind: 'move', delta: 1 }, 5)).toBe(4);
    expect(moveCursor(0, { kind: 'move', delta: -1 }, 5)).toBe(0);
    expect(moveCursor(2, { kind: 'move', delta: 10 }, 5)).toBe(4);
    expect(moveCursor(2, { kind: 'edge', to: 'first' }, 5)).toBe(0);
    expect(moveCursor(0, { kind: 'move', delta: 1 }, 0)).toBe(-1);
  });
});
