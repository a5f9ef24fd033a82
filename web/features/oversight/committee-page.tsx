import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CommitteeView, MeetingSummary } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { MeetingStatusBadge } from './meeting-bits.tsx';
import { useCommittee } from './queries.ts';

/** 委員長 and 委員: the current committee_member appointments (A9), read from the organisation. */
function Members({ committee }: { committee: CommitteeView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('oversight.committee.members')}>
      <p className="mb-4 max-w-3xl text-ink-muted">{t('oversight.committee.membersLead')}</p>
      <dl className="mb-4">
        <div className="grid gap-1 border-b border-line-soft py-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-bold text-ink-strong">{t('oversight.committee.chair')}</dt>
          <dd>{committee.chair ? committee.chair.name : t('oversight.committee.noChair')}</dd>
        </div>
      </dl>
      {committee.members.length === 0 ? (
        <p className="text-ink-muted">{t('oversight.committee.noMembers')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('oversight.committee.membersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('oversight.col.name')}</th>
                <th scope="col">{t('oversight.col.employeeNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {committee.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td className="tabular-nums">{m.employeeNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Meetings, the latest first. */
function Meetings({ meetings, canEdit }: { meetings: MeetingSummary[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const sorted = [...meetings].sort(
    (a, b) => b.heldOn.localeCompare(a.heldOn) || b.number.localeCompare(a.number),
  );
  return (
    <Section
      title={t('oversight.committee.meetings')}
      actions={
        canEdit && (
          <Link to="/oversight/committee/meetings/new" className="btn-primary">
            {t('oversight.meeting.new')}
          </Link>
        )
      }
    >
      {sorted.length === 0 ? (
        <p className="text-ink-muted">{t('oversight.committee.noMeetings')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('oversight.committee.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('oversight.col.number')}</th>
                <th scope="col">{t('oversight.meeting.heldOn')}</th>
                <th scope="col">{t('oversight.meeting.place')}</th>
                <th scope="col">{t('oversight.col.status')}</th>
                <th scope="col">{t('oversight.meeting.agendaCount')}</th>
                <th scope="col">{t('oversight.meeting.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/oversight/committee/meetings/${m.id}`}>{m.number}</Link>
                  </th>
                  <td>
                    {dates.date(m.heldOn)}
                    {m.time && ` ${m.time}`}
                  </td>
                  <td>{m.place}</td>
                  <td>
                    <MeetingStatusBadge status={m.status} />
                  </td>
                  <td className="tabular-nums">{m.agendaCount}</td>
                  <td>{m.hasMinutes ? t('oversight.meeting.minutesRecorded') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** /oversight/committee: 情報公開・個人情報保護委員会 (A9) — its members and meetings. */
export function CommitteePage() {
  const { t } = useTranslation();
  const committee = useCommittee();
  return (
    <Page
      title={t('oversight.committee.title')}
      crumbs={[
        { label: t('oversight.hub.title'), to: '/oversight' },
        { label: t('oversight.committee.title') },
      ]}
      lead={<p>{t('oversight.committee.lead')}</p>}
    >
      <QueryState query={committee}>
        {(c) => (
          <>
            <Meetings meetings={c.meetings} canEdit={c.canEdit} />
            <Members committee={c} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
