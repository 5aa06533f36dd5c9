/** districts.*: the service area (Lima Metropolitana + Callao) and free-text lookups against it. */
import { ok } from '../../../src-shared/result.ts';
import { listDistricts, lookupDistrict } from '../../../src-shared/geo/index.ts';
import type { DomainModule } from './types.ts';

export function createDistrictsModule(): DomainModule<'districts.list' | 'districts.lookup'> {
  return {
    handlers: {
      'districts.list': async () => ok([...listDistricts()]),
      'districts.lookup': async ({ query }) => ok(lookupDistrict(query)),
    },
  };
}
