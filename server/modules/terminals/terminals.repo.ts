import type { Executor } from '../../platform/db/index.ts';
import type { TerminalAreaTable, TerminalTable } from '../../platform/db/schema-terminals.ts';

export type AreaRow = TerminalAreaTable;
export type TerminalRow = TerminalTable;

/** An area with the names of its unit and section. */
export type AreaWithNames = AreaRow & { unit_name: string; section_name: string | null };
/** A terminal (or request) with its area and requester. */
export type TerminalWithNames = TerminalRow & {
  area_name: string;
  area_kind: string;
  area_unit_id: string;
  area_section_id: string | null;
  area_ranges: string;
  area_removed_at: string | null;
  unit_name: string;
  section_name: string | null;
  family_name: string;
  given_name: string;
  employee_number: string;
};

const areasWithNames = (db: Executor) =>
  db
    .selectFrom('terminal_areas as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('sections as s', 's.id', 'a.section_id')
    .selectAll('a')
    .select(['u.name as unit_name', 's.name as section_name']);

const terminalsWithNames = (db: Executor) =>
  db
    .selectFrom('terminals as t')
    .innerJoin('terminal_areas as a', 'a.id', 't.area_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('sections as s', 's.id', 'a.section_id')
    .innerJoin('people as p', 'p.id', 't.requested_by')
    .selectAll('t')
    .select([
      'a.name as area_name',
      'a.kind as area_kind',
      'a.unit_id as area_unit_id',
      'a.section_id as area_section_id',
      'a.address_ranges as area_ranges',
      'a.removed_at as area_removed_at',
      'u.name as unit_name',
      's.name as section_name',
      'p.family_name',
      'p.given_name',
      'p.employee_number',
    ]);

/** SQL of areas and terminals (both databases). */
export const terminalsRepo = {
  area: (db: Executor, id: string): Promise<AreaWithNames | undefined> =>
    areasWithNames(db).where('a.id', '=', id).where('a.removed_at', 'is', null).executeTakeFirst(),
  areas: (db: Executor): Promise<AreaWithNames[]> =>
    areasWithNames(db)
      .where('a.removed_at', 'is', null)
      .orderBy('u.sort_order')
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
  insertArea: (db: Executor, row: AreaRow) => db.insertInto('terminal_areas').values(row).execute(),
  updateArea: (db: Executor, id: string, patch: Partial<AreaRow>) =>
    db.updateTable('terminal_areas').set(patch).where('id', '=', id).execute(),
  /** Approved terminals per area. */
  async activeCounts(db: Executor): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('terminals')
      .select(['area_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'approved')
      .groupBy('area_id')
      .execute();
    return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
  },
  /** Whether the area has terminals in use or requests waiting. */
  async areaBusy(db: Executor, areaId: string): Promise<boolean> {
    const row = await db
      .selectFrom('terminals')
      .select('id')
      .where('area_id', '=', areaId)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst();
    return row !== undefined;
  },

  terminal: (db: Executor, id: string): Promise<TerminalWithNames | undefined> =>
    terminalsWithNames(db).where('t.id', '=', id).executeTakeFirst(),
  terminals: (db: Executor, f: { areaIds?: string[]; status?: string[]; requestedBy?: string }) => {
    let q = terminalsWithNames(db);
    if (f.areaIds) q = q.where('t.area_id', 'in', f.areaIds.length ? f.areaIds : ['']);
    if (f.status) q = q.where('t.status', 'in', f.status);
    if (f.requestedBy) q = q.where('t.requested_by', '=', f.requestedBy);
    return q.orderBy('t.requested_at', 'desc').orderBy('t.id').limit(500).execute();
  },
  insertTerminal: (db: Executor, row: TerminalRow) => db.insertInto('terminals').values(row).execute(),
  updateTerminal: (db: Executor, id: string, patch: Partial<TerminalRow>) =>
    db.updateTable('terminals').set(patch).where('id', '=', id).execute(),
  /** The bare row and its area, for resolving a cookie on every API request (one query). */
  forResolve: (db: Executor, id: string) =>
    db
      .selectFrom('terminals as t')
      .innerJoin('terminal_areas as a', 'a.id', 't.area_id')
      .select([
        't.id',
        't.secret_hash',
        't.status',
        't.address_ranges',
        'a.address_ranges as area_ranges',
        'a.removed_at as area_removed_at',
      ])
      .where('t.id', '=', id)
      .executeTakeFirst(),
};

/** The organisation rows an area refers to (read only). */
export const organisationLookup = {
  unit: (db: Executor, id: string) =>
    db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst(),
  section: (db: Executor, id: string) =>
    db
      .selectFrom('sections')
      .select(['id', 'unit_id', 'handles_my_number'])
      .where('id', '=', id)
      .executeTakeFirst(),
};
