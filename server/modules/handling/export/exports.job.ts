import fs from 'node:fs/promises';
import path from 'node:path';
import { systemCtx } from '../../../platform/context.ts';
import type { HandlingContext } from '../handling.deps.ts';
import { exportsRepo } from './exports.repo.ts';
import { isOverdue } from './exports.presenters.ts';
import type { ExportsCore } from './exports.service.ts';

const DAY = 86_400_000;
const OVERDUE = 'handling.export_confirm_overdue';

/**
 * The job of copies (A24の2), every five minutes: archives past their expiry are deleted from disk
 * and the holder told; a stray file in the directory that no row names (a crash between writing
 * and committing) is deleted once a day old; a download whose local deletion is unconfirmed past
 * its day is flagged once to the holder and the section's 保護管理者.
 */
export function createExportsSweep(h: HandlingContext, core: ExportsCore) {
  const { database, ledger, clock } = h;
  const db = database.db;

  async function expire(): Promise<number> {
    const ctx = systemCtx('exports-expiry');
    let n = 0;
    for (const row of await exportsRepo.due(db, clock.now().toISOString()))
      if (await core.remove(ctx, row, 'expired')) n++;
    return n;
  }

  async function strays(): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(h.exportsDir);
    } catch {
      return 0;
    }
    const known = await exportsRepo.storedNames(db);
    const before = clock.now().getTime() - DAY;
    let n = 0;
    for (const name of names) {
      if (known.has(name)) continue;
      const file = path.join(h.exportsDir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile() || stat.mtimeMs > before) continue;
      await fs.rm(file, { force: true });
      n++;
    }
    if (n > 0)
      await ledger.audit(db, systemCtx('exports-expiry'), {
        type: 'handling.export_strays_deleted',
        subjectType: 'HandlingExport',
        subjectId: null,
        data: { files: n },
      });
    return n;
  }

  /** The 保護管理者 of the file's section (its 総括保護管理者 when the holder is that manager). */
  async function managers(unitId: string, sectionId: string, holder: string): Promise<string[]> {
    const base = { unit_id: unitId, section_id: sectionId, requested_by: holder };
    const section = await h.approvals.deciders({ ...base, level: 'protection_manager' });
    return section.length > 0
      ? section
      : h.approvals.deciders({ ...base, level: 'chief_protection_manager' });
  }

  async function overdue(): Promise<number> {
    const ctx = systemCtx('exports-expiry');
    const now = clock.now().toISOString();
    let n = 0;
    for (const row of await exportsRepo.unconfirmed(db)) {
      if (!isOverdue(row, now)) continue;
      const told = await ledger.list(db, { type: OVERDUE, subjectId: row.id, limit: 1 });
      if (told.length > 0) continue;
      const subject = await core.subjectOf(row);
      const people =
        subject.unitId && subject.sectionId
          ? await managers(subject.unitId, subject.sectionId, row.person_id)
          : [];
      await database.transaction(async (tx) => {
        await ledger.audit(tx, ctx, {
          type: OVERDUE,
          subjectType: 'HandlingExport',
          subjectId: row.id,
          ...subject,
          data: { requestId: row.request_id, fileId: row.file_id, holderId: row.person_id },
        });
        await h.notifications.notify(tx, [row.person_id, ...people], 'export.confirm_overdue', {
          requestId: row.request_id,
          data: { exportId: row.id },
        });
      });
      n++;
    }
    return n;
  }

  async function run() {
    const result = { expired: await expire(), strays: await strays(), overdue: await overdue() };
    if (result.expired || result.overdue) h.notifications.flushSoon();
    return result;
  }

  return { run };
}
