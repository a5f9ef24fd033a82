import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ExportView } from '../../../../shared/api/handling-export.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { ExportBadges } from './labels.tsx';
import { downloadUrl, takePassword, useExport, useExportAction } from './queries.ts';

/** The password of a copy just made: shown on this screen only, never again (A24の2). */
function PasswordOnce({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <Alert tone="warning" title={t('exportCopy.passwordTitle')}>
      <p className="my-3 font-mono text-3xl font-bold tracking-widest text-ink-strong" translate="no">
        {password}
      </p>
      <ul className="list-disc pl-6">
        <li className="font-bold">{t('exportCopy.passwordOnce')}</li>
        <li>{t('exportCopy.passwordKeep')}</li>
        <li>{t('exportCopy.passwordTool')}</li>
      </ul>
    </Alert>
  );
}

function Details({ e }: { e: ExportView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const rows: [string, string][] = [
    [t('exportCopy.number'), e.number],
    [t('exportCopy.file'), e.fileName],
    [t('exportCopy.holder'), e.holderName],
    ...(e.recipientId ? [[t('exportCopy.recipient'), e.recipientName ?? ''] as [string, string]] : []),
    [t('exportCopy.archiveName'), e.archiveName],
    [t('exportCopy.format'), e.format.toUpperCase()],
    [t('exportCopy.records'), t('exportCopy.recordCount', { count: e.records })],
    [t('exportCopy.createdAt'), dates.dateTime(e.createdAt)],
    [t('exportCopy.expiresAt'), dates.dateTime(e.expiresAt)],
    [t('exportCopy.downloadedAt'), e.downloadedAt ? dates.dateTime(e.downloadedAt) : '—'],
    [t('exportCopy.confirmByLabel'), dates.date(e.confirmBy)],
    [t('exportCopy.sha256'), e.sha256],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-bold">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Actions({ e }: { e: ExportView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const act = useExportAction(e.id);
  const [done, setDone] = useState<string | null>(null);
  const run = (action: 'delete' | 'confirm-deleted', ask: string, notice: string) => {
    if (!window.confirm(ask)) return;
    act.mutate(action, { onSuccess: () => setDone(notice) });
  };
  return (
    <>
      <LiveRegion>
        {done && <Alert tone="success" title={done} />}
        {act.isError && <Alert tone="error" title={errorMessage(act.error, locale)} />}
      </LiveRegion>
      {e.state === 'available' && (
        <Section title={t('exportCopy.downloadTitle')}>
          <p className="mb-4">{t('exportCopy.downloadHelp')}</p>
          <div className="flex flex-wrap gap-3">
            <a href={downloadUrl(e.id)} className="btn-primary" download={e.archiveName}>
              {t('exportCopy.download')}
            </a>
            <button
              type="button"
              className="btn-secondary"
              disabled={act.isPending}
              onClick={() => run('delete', t('exportCopy.deleteAsk'), t('exportCopy.deleted'))}
            >
              {t('exportCopy.deleteNow')}
            </button>
          </div>
        </Section>
      )}
      {e.downloadedAt && !e.localDeletedAt && (
        <Section title={t('exportCopy.confirmTitle')}>
          <p className="mb-4">{t('exportCopy.confirmHelp')}</p>
          <button
            type="button"
            className="btn-primary"
            disabled={act.isPending}
            onClick={() => run('confirm-deleted', t('exportCopy.confirmAsk'), t('exportCopy.confirmed'))}
          >
            {t('exportCopy.confirm')}
          </button>
        </Section>
      )}
    </>
  );
}

/** One copy: the password once after it is made, download, early deletion, confirmation (A24の2). */
export function ExportPage() {
  const { t } = useTranslation();
  const { exportId = '' } = useParams();
  const one = useExport(exportId);
  const [password] = useState(() => takePassword(exportId));
  return (
    <Page
      title={t('exportCopy.detailTitle')}
      crumbs={[
        { label: t('exportCopy.title'), to: '/handling/exports' },
        { label: t('exportCopy.detailTitle') },
      ]}
    >
      {password && <PasswordOnce password={password} />}
      <QueryState query={one}>
        {(e) => (
          <>
            <div className="mb-4">
              <ExportBadges e={e} />
            </div>
            <Details e={e} />
            {e.mine && <Actions e={e} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
