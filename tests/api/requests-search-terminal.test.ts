/**
 * Finding the requester's information and the terminals of a file (issue 12; A29 端末の限定, A11の2
 * 取扱区域; 法77-1-2): the 学生定期健康診断ファイル may be used only from a terminal of a handling area.
 * Searched from elsewhere, it is listed among the files not searched with the reason 'terminal' (the
 * rest of the search goes on, and nothing of the file is read or logged); searched from a registered
 * and approved handling-area terminal, the requester's record is found there too. Reading the
 * identifying fields or the whole record of that file off such a terminal is refused with
 * terminal.required and the refusal is in the log (authz.denied, ids and codes only).
 * SQLite and PostgreSQL; the clock stands at 2026-11-30 09:30 (Tokyo).
 */
import { describe, expect, it } from 'vitest';
import type { MatchesView } from '../../shared/api/requests-search.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import { REQUESTER, searchHarness } from './requests-search-fixture.ts';

const url = (id: string, tail = '') => `/api/requests/${id}${tail}`;

describe.each(databases)('requests: a file limited to handling-area terminals on %s (A29)', (kind) => {
  it('is listed as not searched (terminal) from elsewhere and searched from a handling-area terminal', async () => {
    const h = await searchHarness(kind);
    const { c, o, mine, files, services } = h;
    // The health file may now be used only from a terminal of a handling area (A11の2).
    await services.vault.files.updateSettings(o.sys, files.health, {
      purposes: STUDENT_PURPOSES,
      important: false,
      terminal: { areaKind: 'handling_area' },
      keyField: 'student_number',
      scopeField: null,
    });
    const r = await h.receive({ fileIds: [] });

    // From the manager's browser, which is no terminal: the other files are searched.
    const off = bodyOf<MatchesView>(await c.manager.post(url(r.id, '/search'), {}));
    const offIds = off.matches.map((m) => m.recordId);
    expect(offIds).toEqual(expect.arrayContaining([mine.gakuseki, mine.aid]));
    expect(offIds).not.toContain(mine.health);
    expect(off.unsearchable.map((f) => [f.fileId, f.reason]).sort()).toEqual(
      [
        [files.health, 'terminal'],
        [files.roll, 'no_index'],
      ].sort(),
    );
    expect(off.files.map((f) => f.fileId)).toContain(files.health);
    // Nothing of the health file was read: no access event names it.
    const searched = await services.ledger.list(services.database.db, { type: 'vault.subject_searched' });
    expect(searched.map((e) => e.subjectId)).not.toContain(files.health);
    expect(searched.map((e) => e.subjectId)).toContain(files.gakuseki);

    // 教務係 handles My Numbers too (only such a section has a 取扱区域, A11の2); a handling area of
    // it, and the manager's browser registered in it and approved by its 保護管理者 (A29).
    await services.organisation.sections.update(o.sys, o.sections.tokyoKyomu, { handlesMyNumber: true });
    const area = await services.terminals.areas.create(o.sys, {
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      kind: 'handling_area',
      name: '教務係 取扱区域',
    });
    const onTerminal = await h.as('tokyoKyomuHead');
    const asked = await onTerminal.post('/api/terminals/requests', {
      areaId: area.id,
      label: '教務係 取扱区域PC',
      reason: '開示請求等の処理',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const terminalId = asked.json<{ id: string }>().id;
    await services.terminals.terminals.approve(await o.as('tokyoKyomuHead'), terminalId, {});

    const on = bodyOf<MatchesView>(await onTerminal.post(url(r.id, '/search'), {}));
    expect(on.matches.map((m) => m.recordId)).toContain(mine.health);
    expect(on.matches.find((m) => m.recordId === mine.health)).toMatchObject({
      fileName: '学生定期健康診断ファイル',
      identifying: { name: '架空　花子', number: REQUESTER.number },
    });
    expect(on.unsearchable.map((f) => [f.fileId, f.reason])).toEqual([[files.roll, 'no_index']]);
    const healthSearch = (
      await services.ledger.list(services.database.db, { type: 'vault.subject_searched' })
    ).filter((e) => e.subjectId === files.health);
    expect(healthSearch).toHaveLength(1);
    expect(healthSearch[0]!.terminalId).toBe(terminalId);

    // Back off the terminal: the list still opens, the health record's values are not shown, and the
    // file is listed as not searched here (to be searched from the handling area).
    const list = bodyOf<MatchesView>(await c.manager.get(url(r.id, '/matches')));
    const health = list.matches.find((m) => m.recordId === mine.health)!;
    expect(health.identifying).toBeNull();
    expect(list.matches.find((m) => m.recordId === mine.gakuseki)!.identifying).not.toBeNull();
    expect(list.unsearchable.find((f) => f.fileId === files.health)!.reason).toBe('terminal');
  });

  it('refuses to identify or read a record of the file off such a terminal, and logs the refusal', async () => {
    const h = await searchHarness(kind);
    const { o, mine, files, services } = h;
    await services.vault.files.updateSettings(o.sys, files.health, {
      purposes: STUDENT_PURPOSES,
      important: false,
      terminal: { areaKind: 'handling_area' },
      keyField: 'student_number',
      scopeField: null,
    });
    const r = await h.receive({ fileIds: [] });
    const manager = await o.as('tokyoKyomuHead');
    const input = {
      purpose: `保有個人情報開示請求への対応（${r.number}）`,
      requestId: r.id,
      refs: [
        { fileId: files.gakuseki, recordId: mine.gakuseki },
        { fileId: files.health, recordId: mine.health },
      ],
    };
    const refused = async (call: () => Promise<unknown>, action: string) => {
      await expect(call()).rejects.toMatchObject({ code: 'terminal.required' });
      const denied = (
        await services.ledger.list(services.database.db, { type: 'authz.denied', subjectId: files.health })
      ).filter((e) => e.payload?.action === action);
      expect(denied).toHaveLength(1);
      expect(denied[0]!.payload).toMatchObject({ action, code: 'terminal.required' });
      expect(JSON.stringify(denied[0])).not.toContain('架空');
    };
    await refused(() => services.vault.subjects.identify(manager, input), 'subject_identify');
    await refused(() => services.vault.subjects.read(manager, input), 'subject_read');
    // Refused whole, before any record was opened: not even the 学籍ファイル's record was logged.
    for (const type of ['vault.subject_identified', 'vault.subject_read'])
      expect(await services.ledger.list(services.database.db, { type })).toEqual([]);
    // The other file alone is read as before.
    const [read] = await services.vault.subjects.read(manager, { ...input, refs: [input.refs[0]!] });
    expect(read).toMatchObject({ recordId: mine.gakuseki, status: 'ok' });
  });
});
