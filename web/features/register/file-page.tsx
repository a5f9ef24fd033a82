import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../../shared/api/register.ts';
import { useCan } from '../../app/ability.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { EntryView } from './entry-view.tsx';
import { FileActions } from './file-actions.tsx';
import { HistorySection } from './history-section.tsx';
import { FileFlags, StateBadge } from './labels.tsx';
import { useRegisterFile } from './queries.ts';

function Facts({ file }: { file: FileView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const d = (k: string) => t(`fileRegister.detail.${k}`);
  return (
    <dl className="grid gap-x-8 gap-y-2 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{d('owner')}</dt>
      <dd>
        {file.unitName} {file.sectionName}
      </dd>
      <dt className="font-bold">{d('state')}</dt>
      <dd className="flex flex-wrap gap-2">
        <StateBadge state={file.state} />
        <FileFlags {...file} />
      </dd>
      <dt className="font-bold">{d('publication')}</dt>
      <dd>
        {file.published ? (
          <>
            {d('publishedYes')}{' '}
            <a href={`/register/files/${file.id}`} target="_blank" rel="noreferrer">
              {d('viewPublic')}
            </a>
          </>
        ) : (
          d('publishedNo')
        )}
      </dd>
      <dt className="font-bold">{d('mayHold')}</dt>
      <dd>{file.mayHoldRecords ? d('mayHoldYes') : d('mayHoldNo')}</dd>
      {file.myNumberApprovedAt && (
        <>
          <dt className="font-bold">{d('myNumberApproved')}</dt>
          <dd>{dates.dateTime(file.myNumberApprovedAt)}</dd>
        </>
      )}
      {file.discontinuedAt && (
        <>
          <dt className="font-bold">{d('discontinued')}</dt>
          <dd>{dates.dateTime(file.discontinuedAt)}</dd>
          <dt className="font-bold">{d('discontinuedReason')}</dt>
          <dd className="whitespace-pre-line">{file.discontinuedReason}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Issue 9 (A17–A19): who receives or processes the file, for those who keep it — the section's
 * 保護管理者 and the unit's 総括保護管理者, who draft its entry (as its edit and amend actions say),
 * and who read the per-file view.
 */
function ThirdPartiesLink({ file }: { file: FileView }) {
  const { t } = useTranslation();
  const can = useCan();
  const scope = { unitId: file.unitId, sectionId: file.sectionId };
  if (!can('draft', 'RegisterFile', scope) || !can('read', 'ProvisionOverview', scope)) return null;
  return (
    <Link to={`/provision/files/${file.id}`} className="btn-secondary">
      {t('fileRegister.detail.thirdParties')}
    </Link>
  );
}

function FileBody({ file }: { file: FileView }) {
  const { t } = useTranslation();
  const { open, current } = file;
  return (
    <>
      <Facts file={file} />
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <FileActions file={file} />
        <ThirdPartiesLink file={file} />
      </div>
      {open && (
        <Section
          title={t('fileRegister.detail.open', {
            number: open.number,
            status: t(`fileRegister.statuses.${open.status}`),
          })}
        >
          {open.returnReason && (
            <div className="mb-4">
              <Alert tone="warning" title={t('fileRegister.detail.returnReason')}>
                <p className="whitespace-pre-line">{open.returnReason}</p>
              </Alert>
            </div>
          )}
          <EntryView fields={open.fields} caption={open.fields.name} />
        </Section>
      )}
      {current && (
        <Section title={t('fileRegister.detail.current', { number: current.number })}>
          {open ? (
            // While a new version is in progress the registered one is folded away (the diff below compares them).
            <details>
              <summary className="cursor-pointer font-bold text-primary">
                {t('fileRegister.detail.showCurrent')}
              </summary>
              <EntryView fields={current.fields} caption={current.fields.name} />
            </details>
          ) : (
            <EntryView fields={current.fields} caption={current.fields.name} />
          )}
        </Section>
      )}
      <HistorySection fileId={file.id} />
    </>
  );
}

/** One file of the register for staff: its state, what one may do, the entry, its history and diffs. */
export function FilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const file = useRegisterFile(id);
  const name = file.data ? (file.data.open ?? file.data.current)?.fields.name : undefined;
  return (
    <Page
      title={name ?? t('fileRegister.detail.crumb')}
      crumbs={[
        { label: t('fileRegister.title'), to: '/register-admin' },
        { label: name ?? t('fileRegister.detail.crumb') },
      ]}
    >
      <QueryState query={file}>{(f) => <FileBody file={f} />}</QueryState>
    </Page>
  );
}
