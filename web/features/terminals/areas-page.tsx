import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaView, TerminalView } from '../../../shared/api/terminals.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { Loading, QueryError } from '../../ui/query-state.tsx';
import { AreaForm } from './area-form.tsx';
import { useAreaTerminals, useAreas, useRemoveArea, useRevoke } from './queries.ts';
import { StatusBadge } from './terminal-status.tsx';

/** Revokes a terminal with a reason (A29: the manager withdraws a terminal that is no longer needed). */
function RevokeDialog({
  terminal,
  onClose,
  onDone,
}: {
  terminal: TerminalView;
  onClose: () => void;
  onDone: (n: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const id = useId();
  const revoke = useRevoke();
  const [reason, setReason] = useState('');
  return (
    <Dialog open title={t('terminal.areas.revokeTitle', { label: terminal.label })} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          revoke.mutate(
            { id: terminal.id, reason: reason.trim() },
            { onSuccess: () => onDone(t('terminal.areas.revoked')) },
          );
        }}
      >
        {revoke.isError && <Alert tone="error" title={errorMessage(revoke.error, locale)} />}
        <label htmlFor={`${id}-reason`} className="label">
          {t('terminal.areas.revokeReason')}
        </label>
        <input
          id={`${id}-reason`}
          className="input mb-4"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="btn-primary" disabled={revoke.isPending || !reason.trim()}>
          {t('terminal.areas.revokeConfirm')}
        </button>
      </form>
    </Dialog>
  );
}

function AreaTerminals({ area, onNotice }: { area: AreaView; onNotice: (n: string) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const terminals = useAreaTerminals(area.id);
  const [revoking, setRevoking] = useState<TerminalView | null>(null);
  if (terminals.isPending) return <Loading />;
  if (terminals.isError)
    return <QueryError error={terminals.error} onRetry={() => void terminals.refetch()} />;
  const shown = terminals.data.filter((x) => x.status !== 'pending');
  if (shown.length === 0) return <p>{t('terminal.areas.noTerminals')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{`${area.name} ${t('terminal.areas.terminals')}`}</caption>
        <thead>
          <tr>
            <th scope="col">{t('terminal.page.label')}</th>
            <th scope="col">{t('terminal.inbox.requester')}</th>
            <th scope="col">{t('terminal.page.requestedAt')}</th>
            <th scope="col">{t('terminal.page.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((x) => (
            <tr key={x.id}>
              <td>{x.label}</td>
              <td>{`${x.requestedBy.name}（${x.requestedBy.employeeNumber}）`}</td>
              <td>{dates.dateTime(x.requestedAt)}</td>
              <td>
                <StatusBadge status={x.status} />
              </td>
              <td>
                {x.status === 'approved' && (
                  <button
                    type="button"
                    className="btn-secondary btn-sm"
                    aria-label={`${t('terminal.areas.revoke')}: ${x.label}`}
                    onClick={() => setRevoking(x)}
                  >
                    {t('terminal.areas.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking && (
        <RevokeDialog
          terminal={revoking}
          onClose={() => setRevoking(null)}
          onDone={(n) => {
            setRevoking(null);
            onNotice(n);
          }}
        />
      )}
    </div>
  );
}

function AreaCard({ area, onNotice }: { area: AreaView; onNotice: (n: string) => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const remove = useRemoveArea();
  return (
    <Section title={`${area.name}（${t(`terminal.kind.${area.kind}`)}）`}>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">{t('terminal.areas.unit')}</dt>
        <dd>{area.unitName}</dd>
        <dt className="font-bold">{t('terminal.areas.section')}</dt>
        <dd>{area.sectionName ?? t('terminal.areas.unitWide')}</dd>
        <dt className="font-bold">{t('terminal.areas.ranges')}</dt>
        <dd className="font-mono">
          {area.addressRanges.length ? area.addressRanges.join(', ') : t('terminal.areas.anyAddress')}
        </dd>
      </dl>
      <AreaTerminals area={area} onNotice={onNotice} />
      {remove.isError && <Alert tone="error" title={errorMessage(remove.error, locale)} />}
      <button
        type="button"
        className="btn-secondary btn-sm mt-4"
        aria-label={`${t('terminal.areas.remove')}: ${area.name}`}
        disabled={remove.isPending}
        onClick={() => remove.mutate(area.id, { onSuccess: () => onNotice(t('terminal.areas.removed')) })}
      >
        {t('terminal.areas.remove')}
      </button>
    </Section>
  );
}

/** /terminals/areas: the areas the caller manages (A11の2, A29), their terminals (revocable), and a new area. */
export function TerminalAreasPage() {
  const { t } = useTranslation();
  const areas = useAreas();
  const [notice, setNotice] = useState<string | null>(null);
  const managed = areas.data?.filter((a) => a.canManage) ?? [];
  return (
    <Page title={t('terminal.areas.title')} lead={<p>{t('terminal.areas.intro')}</p>}>
      <LiveRegion>{notice && <Alert tone="success" title={notice} />}</LiveRegion>
      {areas.isPending ? (
        <Loading />
      ) : areas.isError ? (
        <QueryError error={areas.error} onRetry={() => void areas.refetch()} />
      ) : managed.length === 0 ? (
        <p>{t('terminal.areas.none')}</p>
      ) : (
        managed.map((a) => <AreaCard key={a.id} area={a} onNotice={setNotice} />)
      )}
      <Section title={t('terminal.areas.addTitle')}>
        <AreaForm onDone={setNotice} />
      </Section>
    </Page>
  );
}
