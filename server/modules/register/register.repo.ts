import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { RegisterFileTable, RegisterVersionTable } from '../../platform/db/schema-register.ts';
import type { EntryFields } from '../../../shared/api/register.ts';

export type FileRow = Selectable<RegisterFileTable>;
export type VersionRow = Selectable<RegisterVersionTable>;

/** The columns a version keeps beside its JSON, for search and the public register. */
const searchColumns = (f: EntryFields) => ({
  fields: JSON.stringify(f),
  name: f.name,
  department: f.department,
  kind: f.kind,
  exemption: f.exemption,
});

const PUBLIC_REVISION = 'register.public_revision';

/** All SQL of the register. Every method takes the executor (database or transaction). */
export const registerRepo = {
  file: (db: Executor, id: string) =>
    db.selectFrom('register_files').selectAll().where('id', '=', id).executeTakeFirst(),

  files(db: Executor, f: { unitIds?: string[]; sectionIds?: string[]; state?: string }) {
    let q = db.selectFrom('register_files').selectAll().orderBy('created_at').orderBy('id');
    if (f.unitIds) q = f.unitIds.length ? q.where('unit_id', 'in', f.unitIds) : q.where('id', '=', '');
    if (f.sectionIds)
      q = f.sectionIds.length ? q.where('section_id', 'in', f.sectionIds) : q.where('id', '=', '');
    if (f.state) q = q.where('state', '=', f.state);
    return q.execute();
  },

  insertFile: (db: Executor, row: RegisterFileTable) => db.insertInto('register_files').values(row).execute(),

  updateFile: (db: Executor, id: string, set: Partial<RegisterFileTable>) =>
    db.updateTable('register_files').set(set).where('id', '=', id).execute(),

  version: (db: Executor, id: string) =>
    db.selectFrom('register_versions').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Versions of one file, oldest first. */
  versions: (db: Executor, fileId: string) =>
    db.selectFrom('register_versions').selectAll().where('file_id', '=', fileId).orderBy('number').execute(),

  /** Versions by id (a list page's current and open versions in one read). */
  versionsById: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as VersionRow[])
      : db.selectFrom('register_versions').selectAll().where('id', 'in', ids).execute(),

  async insertVersion(
    db: Executor,
    row: Omit<RegisterVersionTable, 'fields' | 'name' | 'department' | 'kind' | 'exemption'>,
    fields: EntryFields,
  ) {
    await db
      .insertInto('register_versions')
      .values({ ...row, ...searchColumns(fields) })
      .execute();
  },

  updateVersion: (
    db: Executor,
    id: string,
    set: Partial<Omit<RegisterVersionTable, 'fields'>> & { fieldValues?: EntryFields },
  ) => {
    const { fieldValues, ...rest } = set;
    return db
      .updateTable('register_versions')
      .set({ ...rest, ...(fieldValues ? searchColumns(fieldValues) : {}) })
      .where('id', '=', id)
      .execute();
  },

  /** A token that changes with every change the public may see (accepting or striking a file). */
  publicRevision: async (db: Executor): Promise<string> =>
    (await db.selectFrom('settings').select('value').where('key', '=', PUBLIC_REVISION).executeTakeFirst())
      ?.value ?? '',

  touchPublic: (db: Executor, token: string, at: string) =>
    db
      .insertInto('settings')
      .values({ key: PUBLIC_REVISION, value: token, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: token, updated_at: at }))
      .execute(),

  /** Accepted versions of registered files (the consolidated register), with their file. */
  registered: (db: Executor) =>
    db
      .selectFrom('register_files as f')
      .innerJoin('register_versions as v', 'v.id', 'f.current_version_id')
      .select(['f.id as file_id', 'f.unit_id', 'f.section_id', 'v.fields', 'v.exemption', 'v.decided_at'])
      .where('f.state', '=', 'registered')
      .orderBy('f.unit_id')
      .orderBy('v.name')
      .execute(),
};
