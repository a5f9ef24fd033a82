import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { MeetingForm } from './meeting-bits.tsx';
import { useCreateMeeting } from './queries.ts';

/** /oversight/committee/meetings/new: the 総括管理者 schedules a meeting (A9); members are told. */
export function MeetingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  return (
    <Page
      title={t('oversight.meeting.new')}
      crumbs={[
        { label: t('oversight.hub.title'), to: '/oversight' },
        { label: t('oversight.committee.title'), to: '/oversight/committee' },
        { label: t('oversight.meeting.new') },
      ]}
      lead={<p>{t('oversight.meeting.newLead')}</p>}
    >
      <MeetingForm
        error={create.error}
        pending={create.isPending}
        submitLabel={t('oversight.meeting.schedule')}
        onSave={(input) =>
          create.mutateAsync(input).then((view) =>
            navigate(`/oversight/committee/meetings/${view.id}`, {
              state: { notice: 'oversight.meeting.scheduled' },
            }),
          )
        }
      />
    </Page>
  );
}
