import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { DocumentLink, Saved } from './bits.tsx';
import { MeetingForm, MeetingStatusBadge } from './meeting-bits.tsx';
import { DocumentUpload, HeldForm } from './meeting-record.tsx';
import { useMeeting, useMeetingChanges } from './queries.ts';

function Header({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('oversight.col.status')}>
        <MeetingStatusBadge status={m.status} />
      </TermItem>
      <TermItem term={t('oversight.meeting.heldOn')}>
        {dates.date(m.heldOn)}
        {m.time && ` ${m.time}`}
      </TermItem>
      <TermItem term={t('oversight.meeting.place')}>{m.place}</TermItem>
      {m.recordedBy && (
        <TermItem term={t('oversight.meeting.recordedBy')}>
          {`${m.recordedBy.name}（${dates.dateTime(m.recordedAt)}）`}
        </TermItem>
      )}
    </dl>
  );
}

/** 議題, and while the meeting is scheduled, its plan may change (A9). */
function Agenda({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const { update } = useMeetingChanges(m.id);
  return (
    <Section title={t('oversight.meeting.agenda')}>
      <ol className="list-decimal pl-8">
        {m.agenda.map((a, n) => (
          <li key={n} className="py-1">
            {a}
          </li>
        ))}
      </ol>
      {m.can.edit && (
        <details className="mt-4">
          <summary className="cursor-pointer font-bold text-primary">{t('oversight.meeting.edit')}</summary>
          <div className="mt-4">
            <Saved show={update.isSuccess} />
            <MeetingForm
              key={m.agenda.join('\n') + m.heldOn + m.place + (m.time ?? '')}
              meeting={m}
              error={update.error}
              pending={update.isPending}
              submitLabel={t('oversight.save')}
              onSave={(input) => update.mutateAsync(input)}
            />
          </div>
        </details>
      )}
    </Section>
  );
}

/** 決定事項 and 議事録 once held, with the minutes' document. */
function Record({ meeting: m }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <>
      <Section title={t('oversight.meeting.decisions')}>
        {m.decisions.length === 0 ? (
          <p className="text-ink-muted">{t('oversight.meeting.noDecisions')}</p>
        ) : (
          <ol className="grid list-decimal gap-2 pl-8">
            {m.decisions.map((d, n) => (
              <li key={n} className="whitespace-pre-wrap">
                {d.text}
                {d.featureId && <span className="ml-2 text-sm text-ink-muted">{`（${d.featureId}）`}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={t('oversight.meeting.minutes')}>
        {m.minutes ? (
          <div className="card max-w-4xl whitespace-pre-wrap">{m.minutes}</div>
        ) : (
          <p className="text-ink-muted">{t('oversight.meeting.noMinutes')}</p>
        )}
        <h3 className="mt-6 mb-2 text-xl">{t('oversight.meeting.document')}</h3>
        {m.document ? (
          <p>
            <DocumentLink href={m.document.path} name={m.document.fileName} />
            <span className="ml-2 text-sm text-ink-muted">{dates.dateTime(m.document.uploadedAt)}</span>
          </p>
        ) : (
          <p className="text-ink-muted">{t('oversight.meeting.noDocument')}</p>
        )}
        {m.can.upload && <DocumentUpload meeting={m} />}
      </Section>
    </>
  );
}

/** /oversight/committee/meetings/:id: a meeting of the committee (A9) — agenda, decisions, minutes. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const number = meeting.data?.number;
  return (
    <Page
      title={number ? t('oversight.meeting.title', { number }) : t('oversight.meeting.one')}
      crumbs={[
        { label: t('oversight.hub.title'), to: '/oversight' },
        { label: t('oversight.committee.title'), to: '/oversight/committee' },
        { label: number ?? t('oversight.meeting.one') },
      ]}
    >
      <QueryState query={meeting}>
        {(m) => (
          <>
            <Header meeting={m} />
            <Agenda meeting={m} />
            {m.status === 'held' ? <Record meeting={m} /> : m.can.hold && <HeldForm meeting={m} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
