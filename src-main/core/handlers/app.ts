/** app.*: facts about this running desk. */
import { ok } from '../../../src-shared/result.ts';
import type { CoreContext, DomainModule } from './types.ts';

export function createAppModule(ctx: CoreContext): DomainModule<'app.info'> {
  return {
    handlers: {
      'app.info': async () => ok({ version: ctx.appVersion, mode: ctx.mode, platform: process.platform }),
    },
  };
}
