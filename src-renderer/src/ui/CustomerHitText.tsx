/** A customer as the pickers list it: the name, then its code and plan tier, muted. */
import type { ReactNode } from 'react';
import { labelOf } from '../../../src-shared/tickets/labels.ts';
import type { CustomerHit } from '../desk/use-customer-search.ts';
import { useT } from '../i18n/index.ts';

export function CustomerHitText({ hit }: { readonly hit: CustomerHit }): ReactNode {
  const { locale } = useT();
  return (
    <>
      <span className="pick-list__main">{hit.name}</span>
      <span className="muted">
        {hit.code}
        {hit.tier ? ` · ${labelOf('tier', hit.tier, locale)}` : ''}
      </span>
    </>
  );
}
