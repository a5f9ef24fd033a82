import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { LiveRegion } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { KindLabel } from './labels.tsx';
import { Participants } from './participants.tsx';
import { useCourse, useSession } from './queries.ts';
import { SelfComplete } from './self-complete.tsx';

/** The course's material (A10), which everyone who reads the course may open. */
function Material({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const course = useCourse(courseId);
  const m = course.data?.material;
  if (!course.data) return null;
  return (
    <TermItem term={t('training.course.material')}>
      {m ? (
        <a href={m.path} download={m.fileName}>
          {m.fileName}
        </a>
      ) : (
        <span className="text-ink-muted">{t('training.course.noMaterial')}</span>
      )}
    </TermItem>
  );
}

function Details({ session: s }: { session: SessionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('training.session.course')}>
        <Link to={`/training/courses/${s.courseId}`}>{s.courseTitle}</Link>
        <span className="ml-2 font-mono text-sm text-ink-muted">{s.courseNumber}</span>
      </TermItem>
      <TermItem term={t('training.col.kind')}>
        <KindLabel kind={s.courseKind} />
      </TermItem>
      <TermItem term={t('training.col.mode')}>{t(`training.modes.${s.mode}`)}</TermItem>
      {s.closesOn ? (
        <TermItem term={t('training.session.period')}>
          {t('training.session.periodValue', { from: dates.date(s.heldOn), to: dates.date(s.closesOn) })}
        </TermItem>
      ) : (
        <TermItem term={t('training.col.heldOn')}>{dates.date(s.heldOn)}</TermItem>
      )}
      {s.place && <TermItem term={t('training.col.place')}>{s.place}</TermItem>}
      {s.capacity !== null && (
        <TermItem term={t('training.sessionForm.capacity')}>
          {t('training.session.capacityValue', { count: s.capacity })}
        </TermItem>
      )}
      {s.note && <TermItem term={t('training.sessionForm.note')}>{s.note}</TermItem>}
      <Material courseId={s.courseId} />
      <TermItem term={t('training.session.participants')}>
        {t('training.session.counts', { enrolled: s.enrolled, completed: s.completed })}
      </TermItem>
    </dl>
  );
}

/** あなたの受講: the caller's own completion here, or the online material to complete (A10). */
function Mine({ session: s }: { session: SessionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!s.canCompleteSelf && s.myCompletedOn === null) return null;
  return (
    <Section title={t('training.session.mine')}>
      {/* Announced when the person's own completion has just been recorded (the dialog closes). */}
      <LiveRegion>
        {s.myCompletedOn && (
          <p>
            <Badge tone="good">{t('training.statuses.completed')}</Badge>{' '}
            {t('training.session.myCompleted', { date: dates.date(s.myCompletedOn) })}
          </p>
        )}
      </LiveRegion>
      {s.myCompletedOn ? null : (
        <>
          <p className="mb-4">{t('training.session.notYet')}</p>
          <SelfComplete session={s} />
        </>
      )}
    </Section>
  );
}

/** /training/sessions/:id: one session — enrolment and attendance (A10-4: the 保護管理者 enrols the section's staff). */
export function SessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dates = useDates();
  const session = useSession(id);
  const s = session.data;
  const title = s
    ? t('training.session.title', { course: s.courseTitle, date: dates.date(s.heldOn) })
    : t('training.session.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('training.my.title'), to: '/training' },
        ...(s ? [{ label: s.courseTitle, to: `/training/courses/${s.courseId}` }] : []),
        { label: t('training.session.titlePlain') },
      ]}
    >
      <QueryState query={session}>
        {(v) => (
          <>
            <Details session={v} />
            <Mine session={v} />
            {(v.canEnrol || v.canRecord) && <Participants session={v} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
