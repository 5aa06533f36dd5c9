/**
 * Saving an edit (any v1 mutation) through the desk: `edit.apply` answers
 * once the change is in the local database and the outbox, so the screen can
 * say "guardado" at once; the server's verdict arrives later through sync
 * (a refusal lands in Needs attention).
 */
import { useCallback, useState } from 'react';
import type { MutationName } from '../../../src-shared/protocol/sync.ts';
import type { AppError } from '../../../src-shared/result.ts';
import { useDesk } from './desk-context.tsx';

export type EditState = { readonly status: 'idle' } | { readonly status: 'saving' } | { readonly status: 'saved'; readonly entityId: string } | { readonly status: 'error'; readonly error: AppError };

export interface EditRunner {
  readonly state: EditState;
  /** Resolves to the saved entity's id, or null when the desk refused (the error is in `state`). */
  readonly apply: (name: MutationName, args: Record<string, unknown>) => Promise<string | null>;
  readonly reset: () => void;
}

export function useEdit(): EditRunner {
  const desk = useDesk();
  const [state, setState] = useState<EditState>({ status: 'idle' });
  const apply = useCallback(
    async (name: MutationName, args: Record<string, unknown>): Promise<string | null> => {
      setState({ status: 'saving' });
      const result = await desk.call('edit.apply', { name, args });
      if (!result.ok) {
        setState({ status: 'error', error: result.error });
        return null;
      }
      setState({ status: 'saved', entityId: result.value.entityId });
      return result.value.entityId;
    },
    [desk],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, apply, reset };
}
