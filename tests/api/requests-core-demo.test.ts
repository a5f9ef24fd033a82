/**
 * The demo's individuals' requests and the public page of how to request (issue 12; law-2022.md
 * 法76–107; ADR 0004). loadDemoRequests on the test organisation (E150007 → 佐藤, 東京 教務係's
 * 保護管理者) gives a request due in three days, one in 補正 (no due date) and one extended with its
 * reason. GET /register/requests answers without sign-in, in plain HTML without JavaScript, with the
 * fee, the periods and the published register's receiving offices grouped by unit. SQLite and
 * PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoRequests } from '../../server/modules/requests/core/demo-requests.ts';
import type { RequestListView, RequestView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { OFFICE, requestsHarness } from './requests-fixture.ts';

describe.each(databases)('requests: the demo and the public page on %s (法76–107)', (kind) => {
  it('loads three requests at 東京 教務係: due soon, in 補正, extended', async () => {
    const h = await requestsHarness(kind);
    const { o, c, services } = h;
    await loadDemoRequests(services.requests.core, {
      ctxOf: () => o.as('tokyoKyomuHead'),
      personId: () => o.people.tokyoKyomuHead,
      unitId: () => o.units.tokyo,
      sectionId: () => o.sections.tokyoKyomu,
      clock: services.clock,
    });
    const { requests } = bodyOf<RequestListView>(await c.manager.get('/api/requests'));
    expect(requests.map((r) => [r.status, r.daysLeft, r.extended, r.paused])).toEqual([
      ['received', 3, false, false],
      ['received', 35, true, false],
      ['correcting', null, false, true],
    ]);
    const extended = bodyOf<RequestView>(await c.manager.get(`/api/requests/${requests[1]!.id}`));
    expect(extended.extension?.reason).toContain('法第83条第2項');
    expect(extended.requesterKind).toBe('legal_representative');
    expect(extended.files.map((f) => f.id)).toEqual([h.fileId]);
    expect(await services.requests.gaps()).toEqual([]);
  });

  it('explains how to request, without sign-in or JavaScript, with the offices by unit', async () => {
    const h = await requestsHarness(kind);
    const { o, services } = h;
    await fileAt(services, { unitId: o.units.nagaoka, sectionId: o.sections.nagaokaKyomu }, 'registered', {
      name: '長岡 学籍ファイル',
      requestOffice: '長岡工業高等専門学校 学生課教務係',
    });
    // A draft is not published: its office is not listed.
    await fileAt(services, { unitId: o.units.tokyo, sectionId: o.sections.tokyoTosho }, 'draft', {
      name: '図書貸出ファイル',
      requestOffice: '未公表の窓口',
    });
    const res = await h.app.inject({ method: 'GET', url: '/register/requests' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).not.toMatch(/<script/i);
    for (const words of [
      '本人確認書類',
      '住民票の写し',
      '法定代理人',
      '任意代理人',
      '300円',
      '収入印紙',
      '90日以内',
      '30日以内',
    ])
      expect(html).toContain(words);
    expect(html).toContain(OFFICE);
    expect(html).toContain('長岡工業高等専門学校 学生課教務係');
    expect(html).not.toContain('未公表の窓口');
    // Grouped by unit: each unit's heading, then its offices.
    const { units } = await services.requests.core.deps.names();
    const heading = (id: string) => html.indexOf(`<h3>${units.get(id)}</h3>`);
    expect(html.match(/<h3>/g)?.length).toBe(2);
    expect(heading(o.units.tokyo)).toBeGreaterThan(0);
    expect(html.indexOf(OFFICE)).toBeGreaterThan(heading(o.units.tokyo));
    expect(html.indexOf('長岡工業高等専門学校 学生課教務係')).toBeGreaterThan(heading(o.units.nagaoka));
    expect(heading(o.units.nagaoka)).toBeGreaterThan(0);
  });
});
