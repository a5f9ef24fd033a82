/**
 * The demo's information system (issue 11; A23, A24, A28): loadDemoSystems registers 東京 教務係's
 * 教務システム linked to its 学籍ファイル, with a safeguard overdue for checking (the gap shows, 第24条)
 * and one small design document (a PDF drawn at load time) that the keeper downloads and staff do not
 * see. The demo's employee numbers are mapped onto the test organisation. SQLite and PostgreSQL.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadDemoSystems } from '../../server/modules/facilities/systems/demo-systems.ts';
import type { DocumentListView, SystemListView, SystemView } from '../../shared/api/facility-systems.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const url = '/api/facilities/systems';

describe.each(databases)('facilities: the demo system on %s (A23, A24, A28)', (kind) => {
  it('shows 教務システム with an overdue safeguard and a design document', async () => {
    const h = await provisionHarness(kind);
    const { c, o, services } = h;
    await loadDemoSystems(services.facilities.systems, {
      ctxOf: (n) => {
        if (n !== 'E150007') throw new Error(`unexpected demo person ${n}`);
        return o.as('tokyoKyomuHead');
      },
      personId: () => o.people.tokyoKyomuHead,
      unitId: () => o.units.tokyo,
      sectionId: () => o.sections.tokyoKyomu,
      clock: services.clock,
    });

    const [summary] = bodyOf<SystemListView>(await c.manager.get(url)).systems;
    expect(summary).toMatchObject({
      name: '教務システム',
      sectionId: o.sections.tokyoKyomu,
      overdueCount: 1,
    });
    const system = bodyOf<SystemView>(await c.manager.get(`${url}/${summary!.id}`));
    expect(system.files).toEqual([{ id: o.tokyoFile, name: '学籍ファイル' }]);
    expect(system.measures.filter((m) => m.overdue).map((m) => m.kind)).toEqual(['patching']);
    expect(system.measures.every((m) => m.lastCheck !== null)).toBe(true);

    const gaps = bodyOf<GapReportView>(await c.chiefManager.get('/api/organisation/gaps')).gaps.filter(
      (g) => g.kind === 'system_check_overdue',
    );
    expect(gaps.map((g) => [g.article, g.path])).toEqual([['A24', `/facilities/systems/${system.id}`]]);

    const docs = bodyOf<DocumentListView>(await c.manager.get(`${url}/${system.id}/documents`)).documents;
    expect(docs.map((d) => [d.kind, d.contentType])).toEqual([['diagram', 'application/pdf']]);
    const pdf = await c.manager.get(docs[0]!.downloadPath!);
    expect(pdf.statusCode).toBe(200);
    expect((await PDFDocument.load(pdf.rawPayload)).getPageCount()).toBe(1);
    expectProblem(await c.staff.get(docs[0]!.downloadPath!), 404, 'facilities.system_not_found');
  });
});
