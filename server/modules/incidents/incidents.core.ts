import type {
  IncidentActor,
  IncidentSettings,
  IncidentView,
  LinkView,
} from '../../../shared/api/incidents.ts';
import { actorPersonId, type Ctx } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newTimeOrderedId } from '../../platform/ids.ts';
import type { IncidentsDeps } from './incidents.deps.ts';
import { createNamer, presentIncident, presentLink, type Caps } from './incidents.presenters.ts';
import { incidentsRepo, type IncidentRow, type LinkRow } from './incidents.repo.ts';
import {
  parseLoaded,
  readIncident,
  whoActs,
  type Directory,
  type Loaded,
  type Reading,
} from './incidents.reading.ts';
import type { IncidentSettingsService } from './settings.service.ts';

/** What a change needs once the incident is loaded and the caller authorised. */
export interface Opened {
  me: string;
  loaded: Loaded;
  dir: Directory;
  settings: IncidentSettings;
  reading: Reading;
}

/** What the caller must be allowed to do for a change (see incidents.policy.ts). */
export type Need = 'investigate' | IncidentActor | ((ctx: Ctx, o: Opened) => boolean);

export const subjectOf = (row: IncidentRow) => ({
  id: row.id,
  unitId: row.unit_id,
  sectionId: row.section_id,
  reportedBy: row.reported_by,
});

/**
 * The common ground of every use case: loading an incident, who reads it (404 otherwise), who holds
 * the chain's seats, what the caller may do (403, audited), the change in one transaction that
 * refuses a closed incident (409) and tells whoever must act next, and the view.
 */
export function createIncidentsCore(deps: IncidentsDeps, settings: IncidentSettingsService) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;
  const now = () => clock.now().toISOString();

  const personOf = (ctx: Ctx): string => {
    const id = actorPersonId(ctx);
    if (!id) throw new AppError('auth.required');
    return id;
  };

  async function loadRow(exec: Executor, row: IncidentRow): Promise<Loaded> {
    const [steps, measures] = await Promise.all([
      incidentsRepo.steps(exec, [row.id]),
      incidentsRepo.measures(exec, [row.id]),
    ]);
    return parseLoaded(row, steps, measures);
  }

  async function load(id: string, exec: Executor = db): Promise<Loaded | null> {
    const row = await incidentsRepo.get(exec, id);
    return row ? loadRow(exec, row) : null;
  }

  /** Who holds the seats now: the section's 保護管理者, the unit's 総括保護管理者, the 総括管理者. */
  async function directory(row: IncidentRow): Promise<Directory> {
    const [pm, cpm, cm] = await Promise.all(
      (['protection_manager', 'chief_protection_manager', 'chief_manager'] as const).map((r) =>
        deps.appointed(r, row.unit_id, row.section_id),
      ),
    );
    return { pm: pm!, cpm: cpm!, cm: cm! };
  }

  /** Its reporter, the managers over it, the overseers (policy), and the owners of its measures. */
  const reads = (ctx: Ctx, l: Loaded) =>
    authz.can(ctx, 'read', 'Incident', subjectOf(l.row)) ||
    l.measures.some((m) => m.owner_id === actorPersonId(ctx));

  /** May the caller act as a role of the chain: a vacant 保護管理者 seat falls to the 総括保護管理者 (A5). */
  function mayActAs(ctx: Ctx, l: Loaded, dir: Directory, actor: IncidentActor): boolean {
    const s = subjectOf(l.row);
    if (authz.can(ctx, actor, 'Incident', s)) return true;
    return (
      actor === 'protection_manager' &&
      dir.pm.length === 0 &&
      authz.can(ctx, 'chief_protection_manager', 'Incident', s)
    );
  }

  function capsOf(ctx: Ctx, l: Loaded, dir: Directory): Caps {
    const s = subjectOf(l.row);
    return {
      manage: authz.can(ctx, 'investigate', 'Incident', s),
      oversee: authz.can(ctx, 'chief_protection_manager', 'Incident', s),
      actAs: {
        protection_manager: mayActAs(ctx, l, dir, 'protection_manager'),
        chief_protection_manager: mayActAs(ctx, l, dir, 'chief_protection_manager'),
        chief_manager: mayActAs(ctx, l, dir, 'chief_manager'),
      },
      me: actorPersonId(ctx),
    };
  }

  async function readable(ctx: Ctx, id: string): Promise<Loaded> {
    personOf(ctx);
    const l = await load(id);
    if (!l || !reads(ctx, l)) throw new AppError('incidents.not_found');
    return l;
  }

  /** Where the app shows a linked item, when the caller may see it there. */
  async function linkPath(ctx: Ctx, link: LinkRow): Promise<string | null> {
    const scope = { unitId: link.target_unit_id, sectionId: link.target_section_id };
    switch (link.kind) {
      case 'file':
        return authz.can(ctx, 'read', 'RegisterFile', { id: link.target_id, ...scope })
          ? `/register-admin/files/${link.target_id}`
          : null;
      case 'record': {
        const me = actorPersonId(ctx);
        return me && link.target_file_id && (await deps.hasGrant(me, link.target_file_id))
          ? `/vault/files/${link.target_file_id}/records/${link.target_id}`
          : null;
      }
      case 'log_entry':
        return authz.can(ctx, 'read', 'LogEntry', scope) ? `/logs/entries/${link.target_id}` : null;
      case 'approval_request':
        return authz.can(ctx, 'read', 'ApprovalRequest', scope) ? `/approvals/${link.target_id}` : null;
      default:
        return null;
    }
  }

  /** The people who may own a measure: the section's people and the chain's managers (A34-5). */
  async function owners(row: IncidentRow, dir: Directory) {
    const section = await deps.sectionPeople(row.section_id);
    const out = new Map(section.map((p) => [p.id, p.name]));
    for (const id of [...dir.pm, ...dir.cpm, ...dir.cm])
      if (!out.has(id)) {
        const p = await deps.person(id);
        if (p?.active) out.set(id, p.name);
      }
    return [...out].map(([id, name]) => ({ id, name }));
  }

  /** The whole incident as the caller may see it. */
  async function view(ctx: Ctx, id: string): Promise<IncidentView> {
    const l = await readable(ctx, id);
    const [dir, s, events, linkRows] = await Promise.all([
      directory(l.row),
      settings.current(),
      incidentsRepo.events(db, id),
      incidentsRepo.links(db, id),
    ]);
    const links: LinkView[] = await Promise.all(
      linkRows.map(async (k) => presentLink(k, await linkPath(ctx, k))),
    );
    const today = clock.today();
    return presentIncident(createNamer(deps), {
      loaded: l,
      reading: readIncident(l, s, today),
      dir,
      caps: capsOf(ctx, l, dir),
      events,
      links,
      owners: await owners(l.row, dir),
      today,
    });
  }

  /**
   * Opens an incident for a change: 404 when the caller does not read it, 403 (audited) when they
   * may not do this, 409 incidents.closed when it is closed.
   */
  async function open(ctx: Ctx, id: string, need: Need): Promise<Opened> {
    const me = personOf(ctx);
    const loaded = await readable(ctx, id);
    const [dir, s] = await Promise.all([directory(loaded.row), settings.current()]);
    const opened: Opened = { me, loaded, dir, settings: s, reading: readIncident(loaded, s, clock.today()) };
    const subject = subjectOf(loaded.row);
    if (typeof need === 'function') {
      if (!need(ctx, opened)) await authz.assertCan(ctx, 'investigate', 'Incident', subject);
    } else if (need === 'investigate' || !mayActAs(ctx, loaded, dir, need)) {
      await authz.assertCan(ctx, need, 'Incident', subject);
    }
    if (loaded.row.status !== 'open') throw new AppError('incidents.closed');
    return opened;
  }

  /**
   * Writes a change in one transaction: refused if the incident closed meanwhile; then those who
   * now have something to do that they had not before are told (incident.your_turn), in the same
   * transaction; mail follows the commit.
   */
  async function commit(ctx: Ctx, o: Opened, write: (tx: Tx, at: string) => Promise<void>) {
    const id = o.loaded.row.id;
    const before = whoActs(o.reading.actions, o.dir);
    await database.transaction(async (tx) => {
      const at = now();
      if (!(await incidentsRepo.updateOpen(tx, id, { updated_at: at })))
        throw new AppError('incidents.closed');
      await write(tx, at);
      const after = await load(id, tx);
      if (!after) return;
      const acts = whoActs(readIncident(after, o.settings, clock.today()).actions, o.dir);
      const told = [...acts]
        .filter(([p, actions]) => p !== o.me && [...actions].some((a) => !before.get(p)?.has(a)))
        .map(([p]) => p);
      await notify(tx, told, 'incident.your_turn', after.row);
    });
    deps.notifications.flushSoon();
  }

  /** Tells people of an incident (its number and page, never its facts). */
  const notify = (tx: Executor, people: Iterable<string>, kind: string, row: IncidentRow) =>
    deps.notifications.notify(tx, people, kind, {
      data: { number: row.number, path: `/incidents/${row.id}` },
    });

  /** One entry of the timeline. */
  const event = (
    tx: Executor,
    row: IncidentRow,
    e: {
      kind: string;
      at: string;
      by: string | null;
      text?: string | null;
      data?: Record<string, string | number | boolean | null>;
    },
  ) =>
    incidentsRepo.insertEvent(tx, {
      id: newTimeOrderedId(),
      incident_id: row.id,
      kind: e.kind,
      at: e.at,
      recorded_at: now(),
      by_id: e.by,
      text: e.text ?? null,
      data: JSON.stringify(e.data ?? {}),
    });

  /** The audit event of a change: ids, numbers and codes, never free text. */
  const audit = (
    tx: Executor,
    ctx: Ctx,
    row: IncidentRow,
    type: string,
    data: Record<string, unknown> = {},
  ) =>
    ledger.audit(tx, ctx, {
      type,
      subjectType: 'Incident',
      subjectId: row.id,
      unitId: row.unit_id,
      sectionId: row.section_id,
      data: { number: row.number, ...data },
    });

  /** An instant of the incident (a containment, a step): not before 知った日時, not in the future. */
  function checkAt(row: IncidentRow, at: string): string {
    const t = Date.parse(at);
    if (t < Date.parse(row.aware_at) || t > clock.now().getTime()) throw new AppError('incidents.at_invalid');
    return new Date(t).toISOString();
  }

  return {
    deps,
    db,
    now,
    personOf,
    load,
    loadRow,
    directory,
    reads,
    readable,
    mayActAs,
    view,
    owners,
    subject: subjectOf,
    open,
    commit,
    notify,
    event,
    audit,
    checkAt,
  };
}

export type IncidentsCore = ReturnType<typeof createIncidentsCore>;
