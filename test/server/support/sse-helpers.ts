import type { Db } from '../../../src-server/db/types.ts';
import { upsertCalendarDays } from '../../../src-server/entities/index.ts';

/** A synced write through another Db handle (another "server process"). */
export async function insertCalendarDaysForTest(db: Db, date: string): Promise<void> {
  await db.transaction((tx) => upsertCalendarDays(tx, [{ id: date, date, kind: 'closure', name: 'Cierre', opensAt: null, closesAt: null }]));
}
