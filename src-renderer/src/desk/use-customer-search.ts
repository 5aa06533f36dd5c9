/** Customers matching what a person types, for the pickers that choose one (Nuevo ticket, Requiere atención). */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { CustomerHitSchema } from '../../../src-shared/ipc/work-calls.ts';
import { useDesk } from './desk-context.tsx';

export type CustomerHit = z.infer<typeof CustomerHitSchema>;

/** Waiting after the last keystroke before searching. */
const SEARCH_DEBOUNCE_MS = 200;
const SEARCH_LIMIT = 8;

/**
 * The hits for `query` (null until the first answer), searched a moment
 * after the last keystroke; nothing is searched while `enabled` is false. A
 * failed search keeps the last hits and is logged (`who` names the screen).
 */
export function useCustomerSearch(query: string, who: string, enabled = true): readonly CustomerHit[] | null {
  const desk = useDesk();
  const [hits, setHits] = useState<readonly CustomerHit[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      void desk.call('customers.search', { query: query.trim(), limit: SEARCH_LIMIT }).then((result) => {
        if (!current) return;
        if (result.ok) setHits(result.value);
        else console.warn(`[${who}] customer search failed`, result.error);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk, query, enabled, who]);
  return hits;
}
