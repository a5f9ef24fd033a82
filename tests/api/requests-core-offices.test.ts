/**
 * The receiving offices name the register's files of their institution (issue 12; 法77-1-2: a request
 * names the personal information file it is about when the requester knows it): each office lists
 * the files of its unit by name — another section's files of the same unit too, never another unit's
 * — and a request received with files chosen from that list names them; an id from nowhere is
 * refused. SQLite and PostgreSQL; the clock stands at 2026-11-30 09:30 (Tokyo).
 */
import { describe, expect, it } from 'vitest';
import type { OfficeView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { requestsHarness } from './requests-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const offices = async (c: { get(url: string): Promise<Parameters<typeof bodyOf>[0]> }) =>
  bodyOf<{ offices: OfficeView[] }>(await c.get('/api/requests/offices')).offices;

describe.each(databases)('requests: the register files of the receiving offices on %s (法77-1-2)', (kind) => {
  it('lists the files of the office’s unit by name, and intake names the ones chosen', async () => {
    const h = await requestsHarness(kind);
    const { c, o, services, fileId } = h;
    const tokyoTosho = await fileAt(
      services,
      { unitId: o.units.tokyo, sectionId: o.sections.tokyoTosho },
      'registered',
      { name: '図書館利用者ファイル' },
    );
    const nagaoka = await fileAt(
      services,
      { unitId: o.units.nagaoka, sectionId: o.sections.nagaokaKyomu },
      'registered',
      { name: '学籍ファイル（長岡）' },
    );

    const [kyomu] = await offices(c.manager);
    expect(kyomu!.sectionId).toBe(o.sections.tokyoKyomu);
    // The unit's files, sorted by name: 学籍ファイル (教務係) and 図書館利用者ファイル (図書係).
    const names = [
      { id: fileId, name: '学籍ファイル' },
      { id: tokyoTosho, name: '図書館利用者ファイル' },
    ].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
    expect(kyomu!.files).toEqual(names);
    expect(kyomu!.files.map((f) => f.id)).not.toContain(nagaoka);

    // The 総括管理者 receives at every office: each lists its own unit's files only.
    const all = await offices(c.chiefManager);
    const nagaokaOffice = all.find((x) => x.sectionId === o.sections.nagaokaKyomu)!;
    expect(nagaokaOffice.files).toEqual([{ id: nagaoka, name: '学籍ファイル（長岡）' }]);
    for (const office of all.filter((x) => x.unitId === o.units.tokyo)) expect(office.files).toEqual(names);

    // Intake with files chosen from the list names them; an id from nowhere is refused.
    const r = await h.receive({ fileIds: [tokyoTosho, fileId] });
    expect(r.files.map((f) => f.id).sort()).toEqual([fileId, tokyoTosho].sort());
    expectProblem(
      await c.manager.post('/api/requests', h.body({ fileIds: ['no-such-file'] })),
      400,
      'requests.file_invalid',
    );
  });
});
