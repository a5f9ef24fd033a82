import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../app.ts';
import { databases } from '../../../../tests/support/databases.ts';
import {
  auditCount,
  buildOrg,
  expectRefused,
  snapshot,
  type Org,
  type PersonKey,
} from '../../../../tests/support/org-fixture.ts';
import { testServices } from '../../../../tests/support/test-services.ts';
import { STAFF_CSV_HEADER_JA, csvField } from './parse-staff-csv.ts';

// Staff import (A3): a preview that writes nothing, then all rows in one transaction or none.
// Every person here is fictional.

type Row = string[];
const csv = (rows: Row[]) =>
  [STAFF_CSV_HEADER_JA, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
const utf8 = (rows: Row[]) => new TextEncoder().encode(csv(rows));
const NEWCOMER: Row = [
  'N0001',
  '中村',
  '彩',
  'ナカムラ',
  'アヤ',
  'nakamura@example.jp',
  '教職員',
  '事務職員',
  'tokyo',
  '図書係',
];

describe.each(databases)('staff import on %s', (kind) => {
  let org: Org;
  let services: Services;
  beforeEach(async () => {
    services = await testServices(kind);
    org = await buildOrg(services);
  });

  /** The CSV row of a person as registered, with some columns changed (by their index in the template). */
  async function rowOf(key: PersonKey, changes: Record<number, string> = {}): Promise<Row> {
    const p = (await services.organisation.people.get(org.people[key]))!;
    const unit = (await services.organisation.units.list(org.sys)).find((u) => u.id === p.unit_id)!;
    const section = p.section_id
      ? (await services.organisation.sections.detail(org.sys, p.section_id)).section.name
      : '';
    const row = [
      p.employee_number,
      p.family_name,
      p.given_name,
      p.family_name_kana,
      p.given_name_kana,
      p.email ?? '',
      '教職員',
      p.title ?? '',
      unit.code,
      section,
    ];
    for (const [i, v] of Object.entries(changes)) row[Number(i)] = v;
    return row;
  }
  const TITLE = 7;
  const UNIT = 8;
  const SECTION = 9;

  async function sampleFile() {
    return utf8([
      NEWCOMER,
      await rowOf('tokyoKyomuStaff1', { [TITLE]: '主任' }),
      await rowOf('tokyoToshoHead'),
    ]);
  }

  it('the preview says what would happen, row by row, and writes nothing', async () => {
    const file = await sampleFile();
    const before = await snapshot(services);
    const preview = await services.staffImport.preview(await org.as('sysadmin'), file);
    expect(await snapshot(services)).toEqual(before);
    expect(preview).toMatchObject({
      encoding: 'utf-8',
      counts: { create: 1, update: 1, unchanged: 1, invalid: 0 },
    });
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'update'],
      [4, 'unchanged'],
    ]);
  });

  it('the import creates and updates every row, with an audit event for each change and one for the import', async () => {
    const admin = await org.as('sysadmin');
    const file = await sampleFile();
    const { digest } = await services.staffImport.preview(admin, file);
    const counts = {
      created: await auditCount(services, 'organisation.person.created'),
      updated: await auditCount(services, 'organisation.person.updated'),
    };

    expect(await services.staffImport.commit(admin, file, digest)).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
    });

    const [newcomer] = (await services.organisation.people.search(admin, { q: 'N0001' })).items;
    expect(newcomer).toMatchObject({
      familyName: '中村',
      familyNameKana: 'ナカムラ',
      unitId: org.units.tokyo,
      sectionId: org.sections.tokyoTosho,
    });
    expect((await services.organisation.people.get(org.people.tokyoKyomuStaff1))?.title).toBe('主任');
    expect(await auditCount(services, 'organisation.person.created')).toBe(counts.created + 1);
    expect(await auditCount(services, 'organisation.person.updated')).toBe(counts.updated + 1);
    const [updated] = await services.ledger.list(services.database.db, {
      type: 'organisation.person.updated',
      limit: 1,
    });
    expect(updated?.payload).toMatchObject({
      via: 'staff_import',
      before: { title: '事務職員' },
      after: { title: '主任' },
    });
    const [committed] = await services.ledger.list(services.database.db, {
      type: 'organisation.staff_import.committed',
    });
    expect(committed).toMatchObject({
      actorId: org.people.sysadmin,
      payload: { digest, encoding: 'utf-8', created: 1, updated: 1, unchanged: 1 },
    });
  });

  it('the import is one transaction: when its last audit event cannot be written, no row is kept', async () => {
    const admin = await org.as('sysadmin');
    const file = await sampleFile();
    const { digest } = await services.staffImport.preview(admin, file);
    const audit = services.ledger.audit.bind(services.ledger);
    vi.spyOn(services.ledger, 'audit').mockImplementation((tx, ctx, event) =>
      event.type === 'organisation.staff_import.committed'
        ? Promise.reject(new Error('ledger unavailable'))
        : audit(tx, ctx, event),
    );
    const before = await snapshot(services);
    await expect(services.staffImport.commit(admin, file, digest)).rejects.toThrow('ledger unavailable');
    vi.restoreAllMocks();
    expect(await snapshot(services)).toEqual(before);
    expect((await services.organisation.people.get(org.people.tokyoKyomuStaff1))?.title).toBe('事務職員');
  });

  it.each([
    ['an unknown unit code', { [UNIT]: 'kagoshima' }, 'unknown_unit'],
    ['a section the college does not have', { [SECTION]: '会計課' }, 'unknown_section'],
    ['a reading that is not kana', { 3: 'nakamura' }, 'invalid_kana'],
  ])('a file with one bad row (%s) writes nothing at all and names the row', async (_, change, code) => {
    const admin = await org.as('sysadmin');
    const bad = NEWCOMER.map((v, i) => (change as Record<number, string>)[i] ?? v);
    const file = utf8([
      await rowOf('tokyoKyomuStaff1', { [TITLE]: '主任' }),
      bad,
      await rowOf('nagaokaStaff', { [TITLE]: '主任' }),
    ]);
    const preview = await services.staffImport.preview(admin, file);
    expect(preview.counts).toMatchObject({ update: 2, invalid: 1 });

    const error = await expectRefused(services, 'import.rows_invalid', () =>
      services.staffImport.commit(admin, file, preview.digest),
    );
    expect(error.status).toBe(422);
    expect(error.details).toEqual([expect.objectContaining({ row: 3, code })]);
    expect((await services.organisation.people.get(org.people.tokyoKyomuStaff1))?.title).toBe('事務職員');
  });

  it('an import of a file other than the one previewed is refused as expired', async () => {
    const admin = await org.as('sysadmin');
    const { digest } = await services.staffImport.preview(admin, utf8([NEWCOMER]));
    const changed = utf8([NEWCOMER.map((v, i) => (i === TITLE ? '主任' : v))]);
    await expectRefused(services, 'import.preview_expired', () =>
      services.staffImport.commit(admin, changed, digest),
    );
  });

  describe('a 総括保護管理者 imports for their own college only (A5)', () => {
    it('a row for another college is a row error, and the file is not imported', async () => {
      const principal = await org.as('tokyoPrincipal');
      const file = utf8([NEWCOMER, NEWCOMER.map((v, i) => (i === 0 ? 'N0002' : i === UNIT ? 'nagaoka' : v))]);
      const preview = await services.staffImport.preview(principal, file);
      expect(preview.rows.map((r) => [r.row, r.action, r.errors.map((e) => e.code)])).toEqual([
        [2, 'create', []],
        [3, 'create', ['forbidden_unit']],
      ]);
      const error = await expectRefused(services, 'import.rows_invalid', () =>
        services.staffImport.commit(principal, file, preview.digest),
      );
      expect(error.details).toEqual([expect.objectContaining({ row: 3, code: 'forbidden_unit' })]);
    });

    it('may not take a person of another college into their own', async () => {
      const preview = await services.staffImport.preview(
        await org.as('tokyoPrincipal'),
        utf8([await rowOf('nagaokaStaff', { [UNIT]: 'tokyo', [SECTION]: '' })]),
      );
      expect(preview.rows[0]?.errors.map((e) => e.code)).toEqual(['forbidden_unit']);
    });
  });

  it('an ordinary staff member may not import', async () => {
    await expectRefused(services, 'auth.forbidden', async () =>
      services.staffImport.preview(await org.as('tokyoKyomuStaff1'), utf8([NEWCOMER])),
    );
  });

  it('a file saved by Excel in Shift_JIS (CP932) is read and imported, characters and all', async () => {
    const admin = await org.as('sysadmin');
    const file = new Uint8Array(
      iconv.encode(
        csv([['N0003', '髙橋', '﨑子', 'ﾀｶﾊｼ', 'サキコ', '', '派遣労働者', '', 'tokyo', '教務係']]),
        'cp932',
      ),
    );
    const preview = await services.staffImport.preview(admin, file);
    expect(preview).toMatchObject({ encoding: 'cp932', counts: { create: 1, invalid: 0 } });
    expect(await services.staffImport.commit(admin, file, preview.digest)).toMatchObject({ created: 1 });
    const [person] = (await services.organisation.people.search(admin, { q: '髙橋' })).items;
    expect(person).toMatchObject({
      familyName: '髙橋',
      givenName: '﨑子',
      familyNameKana: 'タカハシ',
      kind: 'dispatched',
      sectionId: org.sections.tokyoKyomu,
    });
  });
});
