import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import type { ChosenSections } from './audience-fields.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { Saved } from './bits.tsx';
import {
  COURSE_FIELDS,
  CourseFields,
  courseDefaults,
  sectionDefaults,
  toCourseInput,
  type CourseValues,
} from './course-form.tsx';
import { KindLabel, RequiredFor, useRecurrence } from './labels.tsx';
import { MaterialSection } from './material-section.tsx';
import { useCourse, useUpdateCourse } from './queries.ts';
import { SessionForm } from './session-form.tsx';

/** 対象者 in words: everyone, or by role, unit and section (anyone who matches one). */
function Audience({ course: c }: { course: CourseView }) {
  const { t } = useTranslation();
  const a = c.audience;
  if (a.all) return <>{t('training.form.all')}</>;
  const groups = [
    { label: t('training.form.roles'), items: a.roles.map((r) => t(`training.roles.${r}`)) },
    { label: t('training.form.units'), items: a.units.map((u) => u.name) },
    { label: t('training.form.sections'), items: a.sections.map((s) => s.name) },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return <>{t('training.none')}</>;
  return (
    <ul className="grid gap-1">
      {groups.map((g) => (
        <li key={g.label}>
          {t('training.form.audienceGroup', { label: g.label, items: g.items.join(t('training.joiner')) })}
        </li>
      ))}
    </ul>
  );
}

function Details({ course: c }: { course: CourseView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const recurrence = useRecurrence();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('training.col.kind')}>
        <KindLabel kind={c.kind} />
      </TermItem>
      <TermItem term={t('training.col.owner')}>{c.ownerUnitName ?? t('training.organisation')}</TermItem>
      {c.description && <TermItem term={t('training.form.description')}>{c.description}</TermItem>}
      <TermItem term={t('training.course.audience')}>
        <Audience course={c} />
      </TermItem>
      <TermItem term={t('training.col.recurrence')}>{recurrence(c.recurrenceMonths)}</TermItem>
      <TermItem term={t('training.course.dueDays')}>
        {t('training.course.dueDaysValue', { count: c.dueDays })}
      </TermItem>
      <TermItem term={t('training.col.requiredFor')}>
        <RequiredFor purposes={c.requiredFor} />
      </TermItem>
      <TermItem term={t('training.col.active')}>
        {c.active ? (
          <Badge tone="good">{t('training.active')}</Badge>
        ) : (
          <Badge tone="plain">{t('training.inactive')}</Badge>
        )}
      </TermItem>
      <TermItem term={t('training.course.updatedAt')}>{dates.dateTime(c.updatedAt)}</TermItem>
    </dl>
  );
}

function EditForm({
  course,
  onSaved,
  onCancel,
}: {
  course: CourseView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  const [sections, setSections] = useState<ChosenSections>(sectionDefaults(course));
  const form = useForm<CourseValues>({ defaultValues: courseDefaults(course), shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) => {
    const { ownerUnitId: _owner, ...input } = toCourseInput(v, sections);
    return update
      .mutateAsync(input)
      .then(onSaved)
      .catch((e: unknown) => applyServerErrors(e, COURSE_FIELDS, form.setError));
  });
  return (
    <Section title={t('training.form.editTitle')}>
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={update.error} submitCount={submitCount} />
        <CourseFields form={form} sections={sections} onSections={setSections} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {t('training.form.save')}
          </button>
          <button type="button" className="btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function Sessions({ course: c }: { course: CourseView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const sessions = [...c.sessionList].sort(
    (a, b) => b.heldOn.localeCompare(a.heldOn) || a.id.localeCompare(b.id),
  );
  return (
    <Section title={t('training.course.sessions')}>
      {sessions.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('training.course.noSessions')}</p>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('training.course.sessionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.col.heldOn')}</th>
                <th scope="col">{t('training.col.mode')}</th>
                <th scope="col">{t('training.col.place')}</th>
                <th scope="col">{t('training.col.enrolled')}</th>
                <th scope="col">{t('training.col.completed')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="whitespace-nowrap">
                    <Link to={`/training/sessions/${s.id}`}>
                      {s.closesOn
                        ? t('training.session.periodValue', {
                            from: dates.date(s.heldOn),
                            to: dates.date(s.closesOn),
                          })
                        : dates.date(s.heldOn)}
                    </Link>
                  </th>
                  <td>{t(`training.modes.${s.mode}`)}</td>
                  <td>{s.place || '－'}</td>
                  <td className="text-right">{s.enrolled}</td>
                  <td className="text-right">{s.completed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.canEdit && <SessionForm courseId={c.id} />}
    </Section>
  );
}

function Course({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <Saved show={saved && !editing} />
      {editing ? (
        <EditForm
          course={course}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <Details course={course} />
          {course.canEdit && (
            <button
              type="button"
              className="btn-secondary mt-4"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('training.course.edit')}
            </button>
          )}
        </>
      )}
      <MaterialSection course={course} />
      <Sessions course={course} />
    </>
  );
}

/** /training/courses/:id: one course (A10-1..4) — audience, recurrence, preconditions, material, sessions. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  const title = course.data?.title ?? t('training.course.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('training.my.title'), to: '/training' },
        { label: t('training.courses.title'), to: '/training/courses' },
        { label: course.data?.number ?? title },
      ]}
    >
      <QueryState query={course}>{(c) => <Course course={c} />}</QueryState>
    </Page>
  );
}
