import type { Executor } from '../../platform/db/index.ts';

/** Settings of the log (retention, the last verification), in the settings table. */
export const logsRepo = {
  async getSetting<T>(db: Executor, key: string): Promise<T | null> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : null;
  },
  async putSetting(db: Executor, key: string, value: unknown, now: string): Promise<void> {
    const text = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: text, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: now }))
      .execute();
  },
};
