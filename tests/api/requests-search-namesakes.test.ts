/**
 * Finding a requester among many namesakes (issue 12; 法76, 法77-1-2): the vault looks a person up by
 * the surest terms first, so that a common family name filling the candidate limit (2,000) cannot
 * push out the record their student number finds exactly (bench/requests-search.ts found one
 * dropped). 2,050 records share the requester's family name and were written before hers.
 * SQLite and PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/platform/context.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import { databases } from '../support/databases.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import { requestsHarness } from './requests-fixture.ts';

const NAMESAKES = 2050;

describe.each(databases)('requests: a requester among %s namesakes', (kind) => {
  it('finds the record her student number names even when her family name fills the limit', async () => {
    const { services, o, fileId } = await requestsHarness(kind);
    await services.vault.files.open(o.sys, fileId, {
      fields: STUDENT_FIELDS,
      purposes: STUDENT_PURPOSES,
      important: false,
      keyField: 'student_number',
      scopeField: null,
      expectedRecords: 200,
    });
    const ctx = systemCtx('test');
    const rows = Array.from({ length: NAMESAKES }, (_, i) => [
      `N${String(i).padStart(5, '0')}`,
      `架空 ${String(i)}郎`,
    ]);
    const bytes = Buffer.from(csvText({ header: ['学生番号', '氏名'], rows }), 'utf8');
    const preview = await services.vault.import.preview(ctx, fileId, { purpose: 'enrolment', bytes });
    expect(preview.valid).toBe(NAMESAKES);
    const { done } = await services.vault.import.commit(ctx, fileId, {
      purpose: 'enrolment',
      bytes,
      mapping: preview.mapping,
      digest: preview.digest,
    });
    expect((await done).imported).toBe(NAMESAKES);
    const hers = await services.vault.records.create(o.sys, fileId, {
      purpose: 'enrolment',
      values: { student_number: 'T24001', name: '架空 花子' },
    });

    const found = await services.vault.subjects.find(await o.as('tokyoKyomuHead'), {
      purpose: '保有個人情報開示請求への対応（テスト）',
      requestId: 'test-request',
      terms: { name: '架空 花子', studentNumber: 'T24001' },
      fileIds: [fileId],
    });
    expect(found.candidates.map((c) => c.recordId)).toContain(hers.id);
    const mine = found.candidates.find((c) => c.recordId === hers.id)!;
    expect([...mine.matchedOn].sort()).toEqual(['name', 'studentNumber']);
    // The limit was reached (namesakes were left out), and the search says so.
    expect(found.truncated.length).toBe(1);
  }, 120_000);
});
