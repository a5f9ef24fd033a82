/**
 * The register over HTTP (A20): the whole lifecycle through the API as the people the rule names,
 * and the published register (法75) for anyone without signing in — with nothing exempt, unfinished
 * or struck, and no internal field, anywhere in it.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { FileView, PublicEntryView } from '../../shared/api/register.ts';
import { createHttpApp } from '../../server/app.ts';
import { databases } from '../support/databases.ts';
import { buildOrg, type PersonKey } from '../support/org-fixture.ts';
import { fileAt, sampleFields } from '../support/register-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { expectProblem } from './support/expect-problem.ts';
import { HttpClient, sessionClient } from './support/http-client.ts';

describe.each(databases)('the register over HTTP (A20) on %s', (kind) => {
  it('goes from a section’s draft to the public register, and a struck file leaves it at once', async () => {
    const services = await testServices(kind);
    const org = await buildOrg(services);
    await org.appoint('president', 'chief_manager', 'director1');
    const app = await createHttpApp(services, { ready: true });
    onTestFinished(() => app.close());
    const as = (person: PersonKey) => sessionClient(app, services, org.people[person]);
    const published = async () => {
      const res = await new HttpClient(app).get('/register/files.json');
      expect(res.statusCode, res.body).toBe(200);
      return { body: res.body, entries: res.json<{ entries: PublicEntryView[] }>().entries };
    };

    const manager = await as('tokyoKyomuHead');
    const created = await manager.post('/api/register/files', {
      unitId: org.units.tokyo,
      sectionId: org.sections.tokyoKyomu,
      fields: sampleFields({ sensitivity: 'sensitive', retentionBasis: '学則第10条', retentionYears: 20 }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<FileView>().id;
    expectProblem(await manager.post(`/api/register/files/${id}/submit`), 403, 'auth.forbidden');
    expect((await (await as('tokyoPrincipal')).post(`/api/register/files/${id}/submit`)).statusCode).toBe(
      200,
    );
    expect((await published()).entries).toEqual([]);
    const director = await as('director1');
    const accepted = await director.post(`/api/register/files/${id}/accept`);
    expect(accepted.json<FileView>()).toMatchObject({ state: 'registered', published: true });

    const kyomu = { unitId: org.units.tokyo, sectionId: org.sections.tokyoKyomu };
    const exempt = await fileAt(services, kyomu, 'registered', {
      name: '相談記録ファイル',
      exemption: 'under_1000',
    });
    const draft = await fileAt(services, kyomu, 'draft', { name: '作成中の名簿ファイル' });
    const { body, entries } = await published();
    expect(entries.map((e) => e.id)).toEqual([id]);
    expect(entries[0]).toMatchObject({ name: '学籍ファイル', unitName: '東京', kind: 'computer' });
    for (const hidden of [
      exempt,
      draft,
      '相談記録ファイル',
      '作成中の名簿ファイル',
      'sensitivity',
      '学則第10条',
      'exemption',
    ])
      expect(body).not.toContain(hidden);
    // The pages too: the list and search never show them, their 単票 is not found.
    const anonymous = new HttpClient(app);
    const listHtml = (await anonymous.get('/register?q=%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB')).body; // 「ファイル」
    expect(listHtml).toContain('学籍ファイル');
    for (const hidden of ['相談記録ファイル', '作成中の名簿ファイル', exempt, draft])
      expect(listHtml).not.toContain(hidden);
    for (const hiddenId of [exempt, draft]) {
      const res = await anonymous.get(`/register/files/${hiddenId}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('相談記録ファイル');
    }
    const sheet = await anonymous.get(`/register/files/${id}`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.body).toContain('在籍する（した）本科学生');
    expect(sheet.body).not.toContain('<script');

    const struck = await (
      await as('tokyoPrincipal')
    ).post(`/api/register/files/${id}/discontinue`, {
      reason: '学籍システムへの統合',
    });
    expect(struck.json<FileView>()).toMatchObject({ state: 'discontinued', published: false });
    expect((await published()).entries).toEqual([]);
    expect((await anonymous.get(`/register/files/${id}`)).statusCode).toBe(404);
    expectProblem(await director.post(`/api/register/files/${id}/accept`), 409, 'register.discontinued');
  });
});
