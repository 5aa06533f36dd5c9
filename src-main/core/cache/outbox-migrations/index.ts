/** outbox.db's migrations, in order. Add a file, append it here; never edit a shipped one. */
import { checkMigrationList, type Migration } from '../migrate.ts';
import { outboxMigration0001 } from './0001_init.ts';

export const OUTBOX_MIGRATIONS_TABLE = 'outbox_migrations';
export const outboxMigrations: readonly Migration[] = checkMigrationList([outboxMigration0001]);
