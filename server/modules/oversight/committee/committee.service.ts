import type { EvidenceItem, EvidenceScope } from '../../../../shared/api/evidence.ts';
import {
  heldInput,
  meetingInput,
  type CommitteeView,
  type MeetingSummary,
  type MeetingView,
} from '../../../../shared/api/oversight.ts';
import { ARTICLE_ITEMS } from '../../../../shared/compliance/articles.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { nextNumber } from '../../../platform/db/numbers.ts';
import type { OversightMeetingTable } from '../../../platform/db/schema-oversight.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, directory, fiscalYearOf, personOf } from '../common.ts';
import type { Documents } from '../documents.ts';
import type { OversightDeps } from '../oversight.deps.ts';

const S = 'OversightCommittee';
type Row = OversightMeetingTable;

const summary = (r: Row): MeetingSummary => ({
  id: r.id,
  number: r.number,
  heldOn: r.held_on,
  time: r.time,
  place: r.place,
  status: r.status as MeetingSummary['status'],
  agendaCount: (JSON.parse(r.agenda) as string[]).length,
  hasMinutes: r.minutes !== null,
});

/**
 * The committee (issue 10; A9 情報公開・個人情報保護委員会): 重要事項の決定、連絡・調整. Its members are the
 * current committee_member appointments, chaired by the 総括管理者; the 総括管理者 keeps its meetings
 * (scheduled → held with minutes, decisions and the minutes document). Members are told of a meeting
 * (committee.meeting). Every change is audited (oversight.meeting_*).
 */
export function createCommittee(deps: OversightDeps, documents: Documents) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const subject = (id: string) => ({ type: S, id });

  async function load(ctx: Ctx, id: string, exec: Executor = db): Promise<Row> {
    personOf(ctx);
    const row = await exec
      .selectFrom('oversight_meetings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !authz.can(ctx, 'read', S)) throw new AppError('oversight.not_found');
    return row;
  }

  async function view(ctx: Ctx, r: Row): Promise<MeetingView> {
    const keep = authz.can(ctx, 'keep', S);
    const doc = (await documents.latest('meeting', [r.id])).get(r.id);
    return {
      ...summary(r),
      agenda: JSON.parse(r.agenda) as string[],
      decisions: JSON.parse(r.decisions) as MeetingView['decisions'],
      minutes: r.minutes,
      document: documents.ref(doc, `/api/oversight/committee/meetings/${r.id}/document`),
      recordedBy: await directory(deps)(r.recorded_by),
      recordedAt: r.recorded_at,
      can: { edit: keep && r.status === 'scheduled', hold: keep && r.status === 'scheduled', upload: keep },
    };
  }

  const get = async (ctx: Ctx, id: string) => view(ctx, await load(ctx, id));

  async function overview(ctx: Ctx): Promise<CommitteeView> {
    personOf(ctx);
    if (!authz.can(ctx, 'read', S)) await authz.assertCan(ctx, 'read', S);
    const people = directory(deps);
    const [chairs, members, rows] = await Promise.all([
      deps.appointed('chief_manager', null, null),
      deps.appointed('committee_member', null, null),
      db
        .selectFrom('oversight_meetings')
        .selectAll()
        .orderBy('held_on', 'desc')
        .orderBy('number', 'desc')
        .execute(),
    ]);
    return {
      chair: chairs[0] ? await people(chairs[0]) : null,
      members: (await Promise.all(members.map((id) => people(id)))).filter((p) => p !== null),
      meetings: rows.map(summary),
      canEdit: authz.can(ctx, 'keep', S),
    };
  }

  /** Members and the chair: those told of a meeting. */
  const audience = async () => [
    ...(await deps.appointed('committee_member', null, null)),
    ...(await deps.appointed('chief_manager', null, null)),
  ];

  async function schedule(ctx: Ctx, raw: unknown): Promise<MeetingView> {
    const me = personOf(ctx);
    const input = meetingInput.parse(raw);
    await authz.assertCan(ctx, 'keep', S);
    const id = newId();
    const told = await audience();
    await database.transaction(async (tx) => {
      const number = await nextNumber(tx, database.dialect, {
        table: 'oversight_meetings',
        prefix: `M${fiscalYearOf(input.heldOn)}-`,
        width: 3,
      });
      const at = clock.now().toISOString();
      await tx
        .insertInto('oversight_meetings')
        .values({
          id,
          number,
          held_on: input.heldOn,
          time: input.time,
          place: input.place,
          agenda: JSON.stringify(input.agenda),
          decisions: '[]',
          minutes: null,
          status: 'scheduled',
          created_by: me,
          created_at: at,
          recorded_by: null,
          recorded_at: null,
          updated_at: at,
        })
        .execute();
      await deps.notifications.notify(tx, told, 'committee.meeting', {
        data: { number, path: `/oversight/committee/meetings/${id}` },
      });
      await audit(tx, ctx, 'oversight.meeting_scheduled', subject(id), { number });
    });
    deps.notifications.flushSoon();
    return get(ctx, id);
  }

  async function change(
    ctx: Ctx,
    id: string,
    write: (tx: Executor, row: Row, at: string, me: string) => Promise<void>,
  ) {
    const me = personOf(ctx);
    await load(ctx, id);
    await authz.assertCan(ctx, 'keep', S, { id });
    await database.transaction(async (tx) => {
      const row = await load(ctx, id, tx);
      if (row.status !== 'scheduled') throw new AppError('oversight.meeting_not_scheduled');
      await write(tx, row, clock.now().toISOString(), me);
    });
    return get(ctx, id);
  }

  const update = (ctx: Ctx, id: string, raw: unknown) =>
    change(ctx, id, async (tx, row, at) => {
      const input = meetingInput.parse(raw);
      await tx
        .updateTable('oversight_meetings')
        .set({
          held_on: input.heldOn,
          time: input.time,
          place: input.place,
          agenda: JSON.stringify(input.agenda),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.meeting_updated', subject(id), { number: row.number });
    });

  /** Held: the minutes and decisions (each optionally citing the feature it decides on). */
  const hold = (ctx: Ctx, id: string, raw: unknown) =>
    change(ctx, id, async (tx, row, at, me) => {
      const input = heldInput.parse(raw);
      if (row.held_on > clock.today()) throw new AppError('oversight.meeting_in_future');
      if (input.decisions.some((d) => d.featureId && !ARTICLE_ITEMS.some((i) => i.id === d.featureId)))
        throw new AppError('oversight.feature_invalid');
      await tx
        .updateTable('oversight_meetings')
        .set({
          status: 'held',
          minutes: input.minutes,
          decisions: JSON.stringify(input.decisions),
          recorded_by: me,
          recorded_at: at,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.meeting_held', subject(id), {
        number: row.number,
        decisions: input.decisions.length,
      });
    });

  async function upload(ctx: Ctx, id: string, file: { bytes: Uint8Array; fileName: string }) {
    const row = await load(ctx, id);
    await authz.assertCan(ctx, 'keep', S, { id });
    await documents.uploadAudited(ctx, { kind: 'meeting', id }, file, subject(id), { number: row.number });
    return get(ctx, id);
  }

  async function readDocument(ctx: Ctx, id: string) {
    await load(ctx, id);
    return documents.readAudited(ctx, { kind: 'meeting', id }, subject(id));
  }

  /** evidence.committee_meeting (A36 citing A9): meetings held in the period (organisation-wide). */
  async function evidence(scope: EvidenceScope): Promise<EvidenceItem[]> {
    const rows = await db
      .selectFrom('oversight_meetings')
      .selectAll()
      .where('status', '=', 'held')
      .where('held_on', '>=', scope.from)
      .where('held_on', '<=', scope.to)
      .orderBy('number')
      .execute();
    return rows.map((r) => ({
      kind: 'committee_meeting' as const,
      ref: r.id,
      label: `${r.number} 情報公開・個人情報保護委員会 (${r.held_on})`,
      path: `/oversight/committee/meetings/${r.id}`,
      at: r.recorded_at ?? r.held_on,
      unitId: null,
    }));
  }

  return { overview, get, schedule, update, hold, upload, readDocument, evidence };
}
export type Committee = ReturnType<typeof createCommittee>;
