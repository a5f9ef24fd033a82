/**
 * The count of records withheld by a suspension of use, as the browser reads it (issue 12; 法98-1
 * 利用停止): the vault's list and search answers say how many records of the file the reader's purpose
 * leaves out, and the shared contract (recordListView, which the web parses every answer with) keeps
 * that count — never which records. Under the file's other purposes nothing is withheld.
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../server/platform/ids.ts';
import { recordListView } from '../../shared/api/vault.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

describe.each(databases)('the count of records withheld by suspensions on %s (法98-1)', (kind) => {
  it('is in the list and search answers as the web parses them, for the suspended purpose only', async () => {
    const api = await apiHarness(kind, { org: false });
    const { services } = api;
    const v = await buildVaultOrg(services);
    const ids: string[] = [];
    for (const s of students('S27', 4)) ids.push(await v.student(v.tokyoFile, s));
    await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    const staff = await sessionClient(api.app, services, v.people.tokyoKyomuStaff1);
    const base = `/api/vault/files/${v.tokyoFile}/records`;

    // Two records' use stops for 学籍管理 (enrolment); 証明書の発行 (certificates) goes on.
    const requestId = newId();
    await services.database.transaction(async (tx) => {
      for (const recordId of ids.slice(0, 2))
        await services.vault.suspensions.suspend(tx, {
          fileId: v.tokyoFile,
          recordId,
          purposeCodes: ['enrolment'],
          requestId,
        });
    });

    const listed = async (purpose: string) =>
      recordListView.parse(bodyOf(await staff.request('GET', `${base}?purpose=${purpose}&limit=50`)));
    const enrolment = await listed('enrolment');
    expect(enrolment.records.map((r) => r.id).sort()).toEqual(ids.slice(2).sort());
    expect(enrolment.withheld).toBe(2);
    // Counted, never named: the withheld records' ids are nowhere in the answer.
    for (const id of ids.slice(0, 2)) expect(JSON.stringify(enrolment)).not.toContain(id);
    const certificates = await listed('certificates');
    expect(certificates.records).toHaveLength(4);
    expect(certificates.withheld).toBe(0);

    // A search says the same count (the file's records withheld from the purpose), naming none.
    const found = recordListView.parse(
      bodyOf(
        await staff.request('POST', `${base}/search`, {
          purpose: 'enrolment',
          field: 'student_number',
          value: 'S270001',
        }),
      ),
    );
    expect(found.records).toEqual([]);
    expect(found.withheld).toBe(2);
  });
});
