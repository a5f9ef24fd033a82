import path from 'node:path';
import {
  courseInput,
  courseUpdateInput,
  type AudienceInput,
  type CourseListView,
  type CourseView,
} from '../../../shared/api/training.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { cleanFileName, documentStore } from '../../platform/files/document-store.ts';
import { newId } from '../../platform/ids.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import type { TrainingDeps } from './training.deps.ts';
import { subjectOf, type TrainingCore } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import { audienceOf, fiscalYear, type CourseRow } from './training.rules.ts';

/**
 * Courses (A10-1..4): kept by the 総括管理者 (the organisation's) or a unit's 総括保護管理者 (the
 * unit's), with their audience, recurrence, newcomers' due days, the purposes completion is a
 * precondition of (A11-1 grants, A7の2 My Number handlers) and an optional material document.
 */
export function createCoursesService(deps: TrainingDeps, core: TrainingCore) {
  const { database, authz, clock } = deps;
  const store = documentStore(path.join(deps.documentsDir, 'materials'));

  /** The audience must name someone, and within a unit's course stay within the unit. */
  async function checkAudience(a: AudienceInput, ownerUnitId: string | null) {
    if (!a.all && a.roles.length === 0 && a.unitIds.length === 0 && a.sectionIds.length === 0)
      throw new AppError('training.audience_empty');
    const s = await deps.structure();
    const units = new Set(s.units.map((u) => u.id));
    const sectionUnit = new Map(s.sections.map((x) => [x.id, x.unitId]));
    const bad =
      a.unitIds.some((u) => !units.has(u) || (ownerUnitId !== null && u !== ownerUnitId)) ||
      a.sectionIds.some(
        (x) => !sectionUnit.has(x) || (ownerUnitId !== null && sectionUnit.get(x) !== ownerUnitId),
      );
    if (bad) throw new AppError('training.audience_invalid');
  }

  const audienceColumns = (a: AudienceInput) => ({
    audience_all: a.all ? 1 : 0,
    audience_roles: JSON.stringify([...new Set(a.roles)]),
    audience_unit_ids: JSON.stringify([...new Set(a.unitIds)]),
    audience_section_ids: JSON.stringify([...new Set(a.sectionIds)]),
  });

  async function list(ctx: Ctx): Promise<CourseListView> {
    const [rows, sessions, names] = await Promise.all([
      trainingRepo.courses(database.db),
      trainingRepo.allSessions(database.db),
      deps.names(),
    ]);
    const count = new Map<string, number>();
    for (const s of sessions) count.set(s.course_id, (count.get(s.course_id) ?? 0) + 1);
    const courses = rows
      .filter((c) => authz.can(ctx, 'read', 'TrainingCourse', subjectOf(c)))
      .map((c) => core.summary(c, ctx, count.get(c.id) ?? 0, names.units));
    const held = ctx.actor.kind === 'person' ? ctx.actor.roles : [];
    return {
      courses,
      canCreate: {
        organisation: authz.can(ctx, 'keep', 'TrainingCourse', { ownerUnitId: null }),
        unitIds: [
          ...new Set(
            held.filter((r) => r.role === 'chief_protection_manager' && r.unitId).map((r) => r.unitId!),
          ),
        ],
      },
    };
  }

  async function present(ctx: Ctx, c: CourseRow): Promise<CourseView> {
    const [sessions, names] = await Promise.all([trainingRepo.sessionsOf(database.db, c.id), deps.names()]);
    const sessionList = await Promise.all(
      sessions.map(async (s) => {
        const [enrolled, done] = await Promise.all([
          trainingRepo.enrolments(database.db, s.id),
          trainingRepo.completionsOfSession(database.db, s.id),
        ]);
        return core.sessionSummary(s, enrolled.length, new Set(done.map((d) => d.person_id)).size);
      }),
    );
    const a = audienceOf(c);
    return {
      ...core.summary(c, ctx, sessions.length, names.units),
      description: c.description,
      audience: {
        all: a.all,
        roles: a.roles,
        units: a.unitIds.map((id) => ({ id, name: names.units.get(id) ?? '' })),
        sections: a.sectionIds.map((id) => ({ id, name: names.sections.get(id) ?? '' })),
      },
      material: c.material_key
        ? {
            fileName: c.material_name ?? 'material',
            mime: c.material_type ?? 'application/octet-stream',
            size: c.material_size ?? 0,
            uploadedAt: c.material_uploaded_at ?? c.updated_at,
            path: `/api/training/courses/${c.id}/material`,
          }
        : null,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      sessionList,
    };
  }

  async function get(ctx: Ctx, id: string): Promise<CourseView> {
    return present(ctx, await core.visible(ctx, id));
  }

  async function create(ctx: Ctx, raw: unknown): Promise<CourseView> {
    const input = courseInput.parse(raw);
    await authz.assertCan(ctx, 'keep', 'TrainingCourse', { ownerUnitId: input.ownerUnitId });
    if (input.ownerUnitId && !(await deps.names()).units.has(input.ownerUnitId))
      throw new AppError('training.owner_unit_invalid');
    await checkAudience(input.audience, input.ownerUnitId);
    const now = clock.now().toISOString();
    const today = clock.today();
    const row = await database.transaction(async (tx) => {
      const r: CourseRow = {
        id: newId(),
        number: await nextNumber(tx, database.dialect, {
          table: 'training_courses',
          prefix: `TR${fiscalYear(today)}-`,
          width: 4,
        }),
        kind: input.kind,
        title: input.title,
        description: input.description,
        owner_unit_id: input.ownerUnitId,
        ...audienceColumns(input.audience),
        recurrence_months: input.recurrenceMonths,
        due_days: input.dueDays,
        required_for: JSON.stringify([...new Set(input.requiredFor)]),
        active: input.active ? 1 : 0,
        starts_on: today,
        material_key: null,
        material_name: null,
        material_type: null,
        material_size: null,
        material_sha256: null,
        material_uploaded_at: null,
        created_by: actorPersonId(ctx),
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('training_courses').values(r).execute();
      await core.audit(tx, ctx, r, 'course_created', {
        kind: r.kind,
        requiredFor: input.requiredFor,
        recurrenceMonths: r.recurrence_months,
      });
      return r;
    });
    return present(ctx, row);
  }

  async function update(ctx: Ctx, id: string, raw: unknown): Promise<CourseView> {
    const input = courseUpdateInput.parse(raw);
    const c = await core.kept(ctx, id);
    if (input.audience) await checkAudience(input.audience, c.owner_unit_id);
    const set: Partial<CourseRow> = { updated_at: clock.now().toISOString() };
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.title !== undefined) set.title = input.title;
    if (input.description !== undefined) set.description = input.description;
    if (input.audience) Object.assign(set, audienceColumns(input.audience));
    if (input.recurrenceMonths !== undefined) set.recurrence_months = input.recurrenceMonths;
    if (input.dueDays !== undefined) set.due_days = input.dueDays;
    if (input.requiredFor !== undefined) set.required_for = JSON.stringify([...new Set(input.requiredFor)]);
    if (input.active !== undefined) set.active = input.active ? 1 : 0;
    const after = { ...c, ...set };
    await database.transaction(async (tx) => {
      await tx.updateTable('training_courses').set(set).where('id', '=', id).execute();
      await core.audit(tx, ctx, after, 'course_updated', {
        changed: Object.keys(input),
        requiredFor: JSON.parse(after.required_for) as unknown,
        active: after.active === 1,
      });
    });
    return present(ctx, after);
  }

  /** The material (PDF, PNG, JPEG), kept under documentsDir; its name stays out of the ledger. */
  async function uploadMaterial(ctx: Ctx, id: string, file: { bytes: Uint8Array; name: string }) {
    const c = await core.kept(ctx, id);
    const put = await store.put(file.bytes);
    if (!put) throw new AppError('training.material_invalid');
    const set = {
      material_key: put.stored,
      material_name: cleanFileName(file.name, 'material'),
      material_type: put.type,
      material_size: put.size,
      material_sha256: put.sha256,
      material_uploaded_at: clock.now().toISOString(),
      updated_at: clock.now().toISOString(),
    };
    try {
      await database.transaction(async (tx) => {
        await tx.updateTable('training_courses').set(set).where('id', '=', id).execute();
        await core.audit(tx, ctx, c, 'material_uploaded', { bytes: put.size, type: put.type });
      });
    } catch (e) {
      await store.remove(put.stored);
      throw e;
    }
    if (c.material_key) await store.remove(c.material_key);
    return present(ctx, { ...c, ...set });
  }

  /** The material, for whoever reads the course. */
  async function material(ctx: Ctx, id: string) {
    const c = await core.visible(ctx, id);
    if (!c.material_key) throw new AppError('training.material_missing');
    const bytes = await store.get(c.material_key, c.material_sha256);
    if (typeof bytes === 'string') throw new AppError('training.material_missing');
    return {
      bytes,
      name: c.material_name ?? 'material',
      type: c.material_type ?? 'application/octet-stream',
    };
  }

  return { list, get, create, update, uploadMaterial, material };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
