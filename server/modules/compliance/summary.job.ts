import { newGapsQuery, type NewGapsView, type TrackedGapView } from '../../../shared/api/compliance.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { ComplianceDeps } from './compliance.deps.ts';
import type { OverviewService } from './overview.service.ts';
import type { Classified } from './severity.ts';

/** Weekdays at 08:00 in Tokyo, before the working day. */
export const SUMMARY_PATTERN = '0 8 * * 1-5';

const minusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The summary of new gaps (issue 10): every gap is tracked by its stable key (first and last seen,
 * resolved when gone; a gap that comes back after being resolved is new again), and the holders of
 * each new gap's role over its scope are told once (compliance.new_gaps: how many, and the page).
 */
export function createGapTracker(deps: ComplianceDeps, overview: OverviewService) {
  const { database, clock, ledger, notifications } = deps;

  /** Records today's gaps: new ones inserted (or reopened), gone ones resolved. */
  async function track(): Promise<{ opened: number; resolved: number }> {
    const now = clock.now().toISOString();
    const current = new Map<string, Classified>();
    for (const c of await overview.current()) if (!current.has(c.key)) current.set(c.key, c);
    return database.transaction(async (tx) => {
      const known = await tx.selectFrom('compliance_gaps').select(['id', 'key', 'resolved_at']).execute();
      const byKey = new Map(known.map((k) => [k.key, k]));
      let opened = 0;
      let resolved = 0;
      const fresh = [];
      for (const [key, c] of current) {
        const row = byKey.get(key);
        const seen = { last_seen: now, label: c.gap.label ?? null, severity: c.severity };
        if (!row) {
          opened++;
          fresh.push({
            id: newTimeOrderedId(),
            key,
            kind: c.gap.kind,
            role: c.gap.role,
            unit_id: c.gap.unitId,
            section_id: c.gap.sectionId,
            article: c.gap.article,
            path: c.path,
            family: c.family,
            first_seen: now,
            resolved_at: null,
            notified_at: null,
            ...seen,
          });
        } else if (row.resolved_at) {
          opened++;
          await tx
            .updateTable('compliance_gaps')
            .set({ ...seen, first_seen: now, resolved_at: null, notified_at: null })
            .where('id', '=', row.id)
            .execute();
        } else await tx.updateTable('compliance_gaps').set(seen).where('id', '=', row.id).execute();
      }
      if (fresh.length) await database.insertRows(tx, 'compliance_gaps', fresh);
      for (const k of known)
        if (!k.resolved_at && !current.has(k.key)) {
          resolved++;
          await tx.updateTable('compliance_gaps').set({ resolved_at: now }).where('id', '=', k.id).execute();
        }
      return { opened, resolved };
    });
  }

  /**
   * Who answers for a gap: the current holders of its role over its scope; for a seat nobody holds
   * (a vacancy), the unit's 総括保護管理者 (A5) or, organisation-wide, the 総括管理者 (A4).
   */
  async function responsible(role: Role, unitId: string | null, sectionId: string | null) {
    const holders = await deps.appointed(role, unitId, sectionId);
    if (holders.length) return holders;
    return unitId
      ? deps.appointed('chief_protection_manager', unitId, null)
      : deps.appointed('chief_manager', null, null);
  }

  /** Tells each responsible person once about the gaps not yet told; answers how many were told. */
  async function notifyNew(): Promise<number> {
    const rows = await database.db
      .selectFrom('compliance_gaps')
      .select(['id', 'role', 'unit_id', 'section_id'])
      .where('resolved_at', 'is', null)
      .where('notified_at', 'is', null)
      .execute();
    if (rows.length === 0) return 0;
    const counts = new Map<string, number>();
    for (const r of rows)
      for (const p of await responsible(r.role as Role, r.unit_id, r.section_id))
        counts.set(p, (counts.get(p) ?? 0) + 1);
    const now = clock.now().toISOString();
    await database.transaction(async (tx: Executor) => {
      for (const [personId, count] of counts)
        await notifications.notify(tx, [personId], 'compliance.new_gaps', {
          data: { count, path: '/compliance' },
        });
      await tx
        .updateTable('compliance_gaps')
        .set({ notified_at: now })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      await ledger.audit(tx, systemCtx('compliance.summary'), {
        type: 'compliance.new_gaps_notified',
        subjectType: 'ComplianceGap',
        subjectId: null,
        data: { gaps: rows.length, people: counts.size },
      });
    });
    if (counts.size) notifications.flushSoon();
    return counts.size;
  }

  /** The summary: track, then tell. */
  async function summarise(): Promise<number> {
    await track();
    return notifyNew();
  }

  /** GET /api/compliance/new-gaps: gaps first seen since a day (Tokyo), in the rows the caller reads. */
  async function newGaps(ctx: Ctx, raw: unknown): Promise<NewGapsView> {
    const q = newGapsQuery.parse(raw);
    await deps.authz.assertCan(ctx, 'read', 'Gaps');
    const since = q.since ?? minusDays(clock.today(), 7);
    const from = new Date(Date.parse(`${since}T00:00:00+09:00`)).toISOString();
    const [rows, names] = await Promise.all([
      database.db
        .selectFrom('compliance_gaps')
        .selectAll()
        .where('first_seen', '>=', from)
        .orderBy('first_seen', 'desc')
        .orderBy('key')
        .execute(),
      deps.names(),
    ]);
    const gaps: TrackedGapView[] = rows
      .filter((r) => overview.readsRow(ctx, r.unit_id))
      .map((r) => ({
        key: r.key,
        kind: r.kind as TrackedGapView['kind'],
        severity: r.severity as TrackedGapView['severity'],
        family: r.family as TrackedGapView['family'],
        role: r.role as Role,
        unitId: r.unit_id,
        unitName: r.unit_id ? (names.units.get(r.unit_id) ?? null) : null,
        sectionId: r.section_id,
        sectionName: r.section_id ? (names.sections.get(r.section_id) ?? null) : null,
        article: r.article,
        path: r.path,
        label: r.label,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        resolvedAt: r.resolved_at,
        notifiedAt: r.notified_at,
      }));
    return { since, gaps };
  }

  return { track, notifyNew, summarise, newGaps };
}
