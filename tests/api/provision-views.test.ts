/**
 * The views of third parties over HTTP (issue 9; A18, A19 "Views"): per file, who receives or
 * processes it; per party, what it receives or processes — limited to what the caller reads — and
 * their XLSX and PDF exports (right content type for readers, 404 for those who do not read the
 * file). SQLite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../shared/api/provision-contracts.ts';
import type { FileOverviewView, PartyOverviewView } from '../../shared/api/provision-parties.ts';
import type { ProvisionView } from '../../shared/api/provision-provisions.ts';
import { databases } from '../support/databases.ts';
import {
  bodyOf,
  provisionBody,
  provisionHarness,
  type ProvisionHarness,
} from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { expectProblem } from './support/expect-problem.ts';
import type { Response } from './support/http-client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every cell of every sheet of an XLSX answer, as text. */
async function cellsOf(res: Response): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      for (const v of (row.values as (string | number | null | undefined)[]).slice(1))
        if (v !== null && v !== undefined) out.push(String(v));
    }),
  );
  return out;
}

/**
 * 東京 教務係's 学籍ファイル outsourced to a contractor with a permitted subcontractor, and provided
 * to a ministry (approved by the 総括保護管理者).
 */
async function scene(h: ProvisionHarness) {
  const { c, o } = h;
  const contractor = await h.party({ name: '株式会社架空システム保守' });
  const subcontractor = await h.party({ name: '株式会社架空データセンター' });
  const ministry = await h.party({ kind: 'public_body', name: '文部科学省 高等教育局', contractor: false });
  const idle = await h.party({ name: '株式会社架空未取引', contractor: false });
  const draft = await h.contract({}, contractor.id);
  await h.clauses(draft.id);
  const contract = bodyOf<ContractView>(
    await c.manager.post(`/api/provision/contracts/${draft.id}/activate`),
  );
  const asked = bodyOf<ContractView>(
    await c.manager.post(`/api/provision/contracts/${contract.id}/subcontracts`, {
      partyId: subcontractor.id,
      work: 'サーバの運用',
      fileIds: [o.tokyoFile],
      reason: '運用の再委託（架空）',
    }),
    201,
  );
  expect((await h.decide(c.chief, asked.subcontracts[0]!.requestId!)).statusCode).toBe(200);
  const prov = bodyOf<ProvisionView>(
    await c.manager.post(
      '/api/provision/provisions',
      provisionBody(ministry.id, o.tokyoFile, {
        ground: 'public_body',
        recipientPurpose: '高等専門学校の学生に関する調査',
        legalBasis: '文部科学省設置法第4条',
      }),
    ),
    201,
  );
  const pending = bodyOf<ProvisionView>(
    await c.manager.post(`/api/provision/provisions/${prov.id}/submit`, {}),
  );
  expect((await h.decide(c.chief, pending.approvalId!)).statusCode).toBe(200);
  return { contractor, subcontractor, ministry, idle, contract, provision: pending };
}

describe.each(databases)('provision: views and exports over HTTP on %s (A18, A19)', (kind) => {
  it('lists per file who receives or processes it, for its readers only', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const s = await scene(h);
    const url = `/api/provision/files/${o.tokyoFile}`;

    for (const reader of [c.manager, c.chief, c.chiefManager, c.auditor]) {
      const v = bodyOf<FileOverviewView>(await reader.get(url));
      expect(v.file).toMatchObject({ id: o.tokyoFile, name: '学籍ファイル' });
      expect(v.provisions).toEqual([
        expect.objectContaining({ id: s.provision.id, partyId: s.ministry.id, status: 'active' }),
      ]);
      expect(v.contracts).toEqual([
        expect.objectContaining({
          id: s.contract.id,
          partyId: s.contractor.id,
          status: 'active',
          subcontractors: [
            expect.objectContaining({ partyId: s.subcontractor.id, depth: 1, status: 'permitted' }),
          ],
        }),
      ]);
    }
    for (const other of [c.staff, c.outsider, c.stranger])
      expectProblem(await other.get(url), 404, 'provision.file_not_found');
    expectProblem(
      await c.chiefManager.get(`/api/provision/files/${MISSING_ID}`),
      404,
      'provision.file_not_found',
    );
    // Another section's file lists nothing of this one.
    const tosho = bodyOf<FileOverviewView>(await c.chief.get(`/api/provision/files/${o.toshoFile}`));
    expect([...tosho.provisions, ...tosho.contracts]).toEqual([]);
  });

  it('lists per party what it receives or processes, limited to what the caller reads', async () => {
    const h = await provisionHarness(kind);
    const { c } = h;
    const s = await scene(h);
    const overview = async (by: typeof c.manager, partyId: string) =>
      bodyOf<PartyOverviewView>(await by.get(`/api/provision/parties/${partyId}/overview`));

    for (const reader of [c.manager, c.chief, c.chiefManager, c.auditor]) {
      const contractor = await overview(reader, s.contractor.id);
      expect(contractor.party).toMatchObject({ id: s.contractor.id, name: '株式会社架空システム保守' });
      expect(contractor.contracts.map((x) => x.id)).toEqual([s.contract.id]);
      expect(contractor.provisions).toEqual([]);
      // As a subcontractor, the contract it works under.
      expect((await overview(reader, s.subcontractor.id)).contracts.map((x) => x.id)).toEqual([
        s.contract.id,
      ]);
      const ministry = await overview(reader, s.ministry.id);
      expect(ministry.provisions.map((x) => x.id)).toEqual([s.provision.id]);
      expect(ministry.contracts).toEqual([]);
      expect(await overview(reader, s.idle.id)).toMatchObject({ provisions: [], contracts: [] });
    }
    // The register of parties is shared; what the party receives is not shown to those who do not read it.
    for (const other of [c.staff, c.outsider, c.stranger]) {
      const v = await overview(other, s.contractor.id);
      expect(v.party.id).toBe(s.contractor.id);
      expect([...v.provisions, ...v.contracts]).toEqual([]);
    }
    expectProblem(
      await c.manager.get(`/api/provision/parties/${MISSING_ID}/overview`),
      404,
      'provision.party_not_found',
    );
  });

  it('exports the views as XLSX and PDF for readers; 404 for those who do not read the file', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const s = await scene(h);
    const base = `/api/provision/files/${o.tokyoFile}/export`;

    for (const reader of [c.manager, c.chiefManager, c.auditor]) {
      const xlsx = await reader.get(`${base}.xlsx`);
      expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX);
      expect(xlsx.headers['content-disposition']).toMatch(/^attachment/);
      const cells = (await cellsOf(xlsx)).join('\n');
      for (const text of [
        s.contract.number,
        s.provision.number,
        '株式会社架空システム保守',
        '株式会社架空データセンター',
      ])
        expect(cells).toContain(text);

      const pdf = await reader.get(`${base}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    for (const other of [c.staff, c.outsider, c.stranger])
      for (const format of ['xlsx', 'pdf'])
        expectProblem(await other.get(`${base}.${format}`), 404, 'provision.file_not_found');

    // The party's export: readers see the lines; others get the party with no line.
    const party = `/api/provision/parties/${s.contractor.id}/overview/export`;
    const xlsx = await c.chief.get(`${party}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect((await cellsOf(xlsx)).join('\n')).toContain(s.contract.number);
    const pdf = await c.chief.get(`${party}.pdf`);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    const outsider = await c.outsider.get(`${party}.xlsx`);
    expect(outsider.statusCode).toBe(200);
    expect((await cellsOf(outsider)).join('\n')).not.toContain(s.contract.number);
    expectProblem(
      await c.chief.get(`/api/provision/parties/${MISSING_ID}/overview/export.pdf`),
      404,
      'provision.party_not_found',
    );

    // Exports are audit events with ids and counts.
    const exported = await h.audit('provision.file_overview_exported', o.tokyoFile);
    expect(exported).toHaveLength(6);
    expect(exported[0]!.payload).toMatchObject({ provisions: 1, contracts: 1 });
  });
});
