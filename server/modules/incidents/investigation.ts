import {
  containmentInput,
  factsInput,
  linkInput,
  type Facts,
  type IncidentView,
  type LinkKind,
} from '../../../shared/api/incidents.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { IncidentsCore } from './incidents.core.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { incidentsRepo, type IncidentRow } from './incidents.repo.ts';

/** What a link names once found: its target and the label the screen shows. */
interface Target {
  targetId: string;
  fileId: string | null;
  unitId: string | null;
  sectionId: string | null;
  label: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Containment (A34-2), the investigation's facts (A34-3, A34-5) and the links to what is involved:
 * by the section's 保護管理者 or the unit's 総括保護管理者. Each change is a timeline entry and an audit
 * event in one transaction.
 */
export function createInvestigation(deps: IncidentsDeps, core: IncidentsCore) {
  /** A34-2: an immediate measure with the time it was taken. Throws incidents.at_invalid. */
  async function contain(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = containmentInput.parse(raw);
    const o = await core.open(ctx, id, 'investigate');
    const at = core.checkAt(o.loaded.row, input.at);
    await core.commit(ctx, o, async (tx) => {
      await core.event(tx, o.loaded.row, { kind: 'containment', at, by: o.me, text: input.text });
      await core.audit(tx, ctx, o.loaded.row, 'incident.containment_recorded', { at });
    });
    return core.view(ctx, id);
  }

  /**
   * A34-3, A34-5: what the investigation found, saved as often as needed. The timeline and the audit
   * event name the fields that changed, never their values. Nothing changed: nothing is written.
   */
  async function saveFacts(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = factsInput.parse(raw);
    const o = await core.open(ctx, id, 'investigate');
    const before = o.loaded.facts;
    const changed = (Object.keys(input) as (keyof Facts)[]).filter((k) => input[k] !== before[k]);
    if (changed.length === 0) return core.view(ctx, id);
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.updateOpen(tx, id, { facts: JSON.stringify(input), facts_updated_at: at });
      await core.event(tx, o.loaded.row, {
        kind: 'facts_updated',
        at,
        by: o.me,
        data: { fields: changed.join(',') },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.facts_updated', { fields: changed });
    });
    return core.view(ctx, id);
  }

  /** Finds what a link names, or incidents.link_invalid (a file or record of another unit too). */
  async function targetOf(row: IncidentRow, kind: LinkKind, ref: string): Promise<Target> {
    const names = await deps.names();
    const fileOfUnit = async (fileId: string) => {
      const f = await deps.fileFacts(fileId);
      if (!f || f.unitId !== row.unit_id) throw new AppError('incidents.link_invalid');
      return f;
    };
    switch (kind) {
      case 'file': {
        if (!UUID.test(ref)) throw new AppError('incidents.link_invalid');
        const f = await fileOfUnit(ref);
        const where = `${names.units.get(f.unitId) ?? ''} ${names.sections.get(f.sectionId) ?? ''}`.trim();
        return {
          targetId: f.fileId,
          fileId: f.fileId,
          unitId: f.unitId,
          sectionId: f.sectionId,
          label: `${f.name}（${where}）`,
        };
      }
      case 'record': {
        if (!UUID.test(ref)) throw new AppError('incidents.link_invalid');
        const fileId = await core.deps.recordFile(ref);
        if (!fileId) throw new AppError('incidents.link_invalid');
        const f = await fileOfUnit(fileId);
        return {
          targetId: ref,
          fileId,
          unitId: f.unitId,
          sectionId: f.sectionId,
          label: `${f.name}の記録 ${ref.slice(0, 8)}`,
        };
      }
      case 'log_entry': {
        if (!/^\d{1,15}$/.test(ref)) throw new AppError('incidents.link_invalid');
        const e = await core.deps.ledger.getAtLeaf(core.db, Number(ref));
        if (!e) throw new AppError('incidents.link_invalid');
        return {
          targetId: e.id,
          fileId: null,
          unitId: e.unitId,
          sectionId: e.sectionId,
          label: `ログ #${ref}`,
        };
      }
      case 'approval_request': {
        const r = await core.deps.approvalByNumber(ref.toUpperCase());
        if (!r) throw new AppError('incidents.link_invalid');
        return {
          targetId: r.id,
          fileId: null,
          unitId: r.unit_id,
          sectionId: r.section_id,
          label: r.number,
        };
      }
    }
  }

  /**
   * A34-3 影響の範囲: links the incident to a register file, a vault record, a log entry (its leaf
   * number) or an approval request (its number). Throws incidents.link_invalid. A link already
   * there is not added twice.
   */
  async function addLink(ctx: Ctx, id: string, raw: unknown): Promise<IncidentView> {
    const input = linkInput.parse(raw);
    const o = await core.open(ctx, id, 'investigate');
    const t = await targetOf(o.loaded.row, input.kind, input.ref);
    const existing = await incidentsRepo.links(core.db, id);
    if (existing.some((l) => l.kind === input.kind && l.target_id === t.targetId)) return core.view(ctx, id);
    const linkId = newTimeOrderedId();
    await core.commit(ctx, o, async (tx, at) => {
      await incidentsRepo.insertLink(tx, {
        id: linkId,
        incident_id: id,
        kind: input.kind,
        ref: input.ref,
        label: t.label,
        target_id: t.targetId,
        target_file_id: t.fileId,
        target_unit_id: t.unitId,
        target_section_id: t.sectionId,
        created_at: at,
        created_by: o.me,
      });
      await core.event(tx, o.loaded.row, {
        kind: 'link_added',
        at,
        by: o.me,
        text: t.label,
        data: { linkId, kind: input.kind },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.link_added', {
        linkId,
        kind: input.kind,
        targetId: t.targetId,
      });
    });
    return core.view(ctx, id);
  }

  /** Removes a link (a mistaken one). Throws incidents.link_not_found. */
  async function removeLink(ctx: Ctx, id: string, linkId: string): Promise<IncidentView> {
    const o = await core.open(ctx, id, 'investigate');
    const link = (await incidentsRepo.links(core.db, id)).find((l) => l.id === linkId);
    if (!link) throw new AppError('incidents.link_not_found');
    await core.commit(ctx, o, async (tx, at) => {
      if (!(await incidentsRepo.deleteLink(tx, id, linkId))) throw new AppError('incidents.link_not_found');
      await core.event(tx, o.loaded.row, {
        kind: 'link_removed',
        at,
        by: o.me,
        text: link.label,
        data: { linkId, kind: link.kind },
      });
      await core.audit(tx, ctx, o.loaded.row, 'incident.link_removed', {
        linkId,
        kind: link.kind,
        targetId: link.target_id,
      });
    });
    return core.view(ctx, id);
  }

  return { contain, saveFacts, addLink, removeLink };
}
