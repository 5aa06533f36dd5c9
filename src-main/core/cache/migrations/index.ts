/** The cache database's migrations, in order. Add a file, append it here; never edit a shipped one. */
import { checkMigrationList, type Migration } from '../migrate.ts';
import { migration0001 } from './0001_init.ts';
import { migration0002 } from './0002_queue_indexes_and_search.ts';
import { migration0003 } from './0003_priority_by_status_band.ts';
import { migration0004 } from './0004_customer_priority_index.ts';

export const CACHE_MIGRATIONS_TABLE = 'cache_migrations';
export const cacheMigrations: readonly Migration[] = checkMigrationList([migration0001, migration0002, migration0003, migration0004]);
