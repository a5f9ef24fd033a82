/**
 * The register of outside parties over HTTP (issue 9; A18, A19-1): shared by the organisation —
 * every signed-in staff member reads it; a 保護管理者 or 総括保護管理者 adds and edits parties and
 * records contractors' capability checks with evidence. Every change is an audit event of ids and
 * codes. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { CheckView, PartyListView, PartyView } from '../../shared/api/provision-parties.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, PDF, partyBody, provisionHarness } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { expectProblem } from './support/expect-problem.ts';

/** A fictional 法人番号 with a valid check digit. */
const CORPORATE_NUMBER = '7123456789012';

describe.each(databases)('provision: the register of parties over HTTP on %s (A18, A19-1)', (kind) => {
  it('lets keepers register parties and record capability checks with evidence; everyone reads them', async () => {
    const h = await provisionHarness(kind);
    const { c, o } = h;
    const url = '/api/provision/parties';

    // Staff without a role, the 総括管理者 and the 監査責任者 do not add parties (403).
    for (const other of [c.staff, c.chiefManager, c.auditor])
      expectProblem(await other.post(url, partyBody()), 403, 'auth.forbidden');
    expectProblem(
      await c.manager.post(url, partyBody({ corporateNumber: '1234567890123' })),
      400,
      'request.invalid',
    );
    const party = bodyOf<PartyView>(
      await c.manager.post(url, partyBody({ corporateNumber: CORPORATE_NUMBER })),
      201,
    );
    expect(party).toMatchObject({
      kind: 'company',
      isPublicBody: false,
      contractor: true,
      checkState: 'none',
    });
    expectProblem(
      await c.chief.post(url, partyBody({ corporateNumber: CORPORATE_NUMBER })),
      409,
      'provision.party_duplicate',
    );

    // Everyone signed in reads the register, whatever their unit.
    for (const reader of [c.staff, c.stranger, c.auditor]) {
      const list = bodyOf<PartyListView>(await reader.get(url));
      expect(list.parties.map((p) => p.id)).toContain(party.id);
      expect(list.canEdit).toBe(false);
      expect(bodyOf<PartyView>(await reader.get(`${url}/${party.id}`)).can).toEqual({
        edit: false,
        check: false,
      });
    }
    expect(bodyOf<PartyListView>(await c.manager.get(url)).canEdit).toBe(true);
    expectProblem(await c.staff.get(`${url}/${MISSING_ID}`), 404, 'provision.party_not_found');
    expectProblem(await h.client().get(url), 401, 'auth.required');

    // A capability check (A19-1): not in the future; by keepers only.
    const check = {
      checkedOn: '2026-11-20',
      method: 'on_site',
      findings: '入退室管理と媒体の保管を実地で確認した',
      result: 'pass',
    };
    expectProblem(await c.staff.post(`${url}/${party.id}/checks`, check), 403, 'auth.forbidden');
    expectProblem(
      await c.manager.post(`${url}/${party.id}/checks`, { ...check, checkedOn: '2026-12-01' }),
      400,
      'provision.check_date_invalid',
    );
    const recorded = bodyOf<CheckView>(await c.manager.post(`${url}/${party.id}/checks`, check), 201);
    expect(recorded).toMatchObject({ nextDueOn: '2027-11-20', checkedByName: '佐藤 花子' });
    expect(bodyOf<PartyView>(await c.staff.get(`${url}/${party.id}`)).checkState).toBe('current');

    // Evidence: a PDF or an image, by its bytes.
    const evidenceUrl = `${url}/${party.id}/checks/${recorded.id}/evidence`;
    expectProblem(
      await h.upload(c.manager, evidenceUrl, Buffer.from('plain text'), 'notes.pdf'),
      400,
      'provision.evidence_invalid',
    );
    const withEvidence = bodyOf<CheckView>(await h.upload(c.manager, evidenceUrl, PDF, '確認書.pdf'), 201);
    const [doc] = withEvidence.evidence;
    expect(doc).toMatchObject({ fileName: '確認書.pdf', contentType: 'application/pdf', size: PDF.length });
    const got = await c.staff.get(doc!.path);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);

    // A party that is not a contractor has no capability checks.
    const ministry = bodyOf<PartyView>(
      await c.manager.post(
        url,
        partyBody({ kind: 'public_body', name: '文部科学省 高等教育局', contractor: false }),
      ),
      201,
    );
    expect(ministry.isPublicBody).toBe(true);
    expectProblem(
      await c.manager.post(`${url}/${ministry.id}/checks`, check),
      409,
      'provision.check_not_contractor',
    );

    // Edits by the unit's chief; a retired party takes no check.
    const retired = bodyOf<PartyView>(
      await c.chief.put(`${url}/${party.id}`, {
        ...partyBody({ corporateNumber: CORPORATE_NUMBER }),
        active: false,
      }),
    );
    expect(retired.active).toBe(false);
    expectProblem(await c.manager.post(`${url}/${party.id}/checks`, check), 409, 'provision.party_retired');

    for (const [type, n] of [
      ['provision.party_created', 2],
      ['provision.party_updated', 1],
      ['provision.party_checked', 1],
      ['provision.party_evidence_added', 1],
    ] as const)
      expect(await h.audit(type), type).toHaveLength(n);
    const [made] = await h.audit('provision.party_created', party.id);
    expect(made).toMatchObject({ actorId: o.people.tokyoKyomuHead, subjectId: party.id });
    expect(JSON.stringify(made!.payload)).not.toContain('sales@example.jp');
  });
});
