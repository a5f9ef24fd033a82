import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeputyView } from '../../../shared/api/approvals.ts';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/ability.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Alert } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { DeputyForm, useScopes } from './deputy-form.tsx';
import { useNotify } from './labels.tsx';
import { useDeputies, useRevokeDeputy } from './queries.ts';

function DeputyState({ d }: { d: DeputyView }) {
  const { t } = useTranslation();
  if (d.revokedAt)
    return (
      <span className="badge border-line bg-surface-muted text-ink-muted">
        {t('approvals.deputies.revoked')}
      </span>
    );
  return d.inForce ? (
    <span className="badge border-success bg-success-soft text-success">
      {t('approvals.deputies.inForce')}
    </span>
  ) : (
    <span className="badge border-line bg-surface text-ink-muted">{t('approvals.deputies.notInForce')}</span>
  );
}

function RevokeDialog({ deputy, onClose }: { deputy: DeputyView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const revoke = useRevokeDeputy();
  const notify = useNotify();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Dialog open={deputy !== null} title={t('approvals.deputies.revokeTitle')} onClose={close}>
      {deputy && (
        <>
          {revoke.isError && (
            <div role="alert">
              <Alert tone="error" title={t('common.errorTitle')}>
                <p>{errorMessage(revoke.error, locale)}</p>
              </Alert>
            </div>
          )}
          <p className="mb-6">{t('approvals.deputies.revokeConfirm', { name: deputy.deputyName })}</p>
          <div className="flex flex-wrap gap-4">
            <button
              type="button"
              className="btn-danger"
              disabled={revoke.isPending}
              onClick={() =>
                revoke.mutate(deputy.id, {
                  onSuccess: () => {
                    close();
                    notify('approvals.deputies.revokedNotice');
                  },
                })
              }
            >
              {t('approvals.deputies.revoke')}
            </button>
            <button type="button" className="btn-secondary" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function DeputyTable({
  deputies,
  caption,
  onRevoke,
}: {
  deputies: DeputyView[];
  caption: string;
  onRevoke?: (d: DeputyView) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('approvals.deputies.deputy')}</th>
            <th scope="col">{t('approvals.deputies.level')}</th>
            <th scope="col">{t('approvals.deputies.scope')}</th>
            <th scope="col">{t('approvals.deputies.period')}</th>
            <th scope="col">{t('approvals.deputies.reason')}</th>
            <th scope="col">{t('approvals.deputies.state')}</th>
            {onRevoke && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {deputies.map((d) => (
            <tr key={d.id}>
              <th scope="row" className="whitespace-nowrap">
                {d.deputyName}
              </th>
              <td className="whitespace-nowrap">{t(`approvals.levels.${d.level}`)}</td>
              <td className="min-w-40">{d.scopeName}</td>
              <td className="whitespace-nowrap">
                {t('approvals.deputies.periodValue', {
                  from: dates.date(d.validFrom),
                  until: dates.date(d.validUntil),
                })}
              </td>
              <td className="min-w-40">{d.reason}</td>
              <td>
                <DeputyState d={d} />
              </td>
              {onRevoke && (
                <td>
                  {!d.revokedAt && (
                    <button
                      type="button"
                      className="btn-danger btn-sm"
                      aria-label={t('approvals.deputies.revokeOf', { name: d.deputyName })}
                      onClick={() => onRevoke(d)}
                    >
                      {t('approvals.deputies.revoke')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /approvals/deputies: who decides in a manager's stead, and when (ADR 0008 §3). */
export function DeputiesPage() {
  const { t } = useTranslation();
  const { person } = useSignedIn();
  const can = useCan();
  const scopes = useScopes();
  const list = useDeputies();
  const [revoking, setRevoking] = useState<DeputyView | null>(null);
  // The API decides (403 otherwise); the form is for those with something to name a deputy for.
  const manages = can('manage', 'ApprovalDeputy') && scopes.length > 0;
  return (
    <Page
      title={t('approvals.deputies.title')}
      crumbs={[{ label: t('approvals.title'), to: '/approvals' }, { label: t('approvals.deputies.title') }]}
      lead={<p>{t('approvals.deputies.lead')}</p>}
    >
      <QueryState query={list}>
        {({ deputies }) => {
          const mine = deputies.filter((d) => d.deputyId === person.id);
          const named = deputies.filter((d) => d.deputyId !== person.id);
          return (
            <>
              {mine.length > 0 && (
                <Section title={t('approvals.deputies.mine')}>
                  <DeputyTable deputies={mine} caption={t('approvals.deputies.mine')} />
                </Section>
              )}
              <Section title={t('approvals.deputies.caption')}>
                {named.length === 0 ? (
                  <p role="status">{t('approvals.deputies.empty')}</p>
                ) : (
                  <DeputyTable
                    deputies={named}
                    caption={t('approvals.deputies.caption')}
                    onRevoke={manages ? setRevoking : undefined}
                  />
                )}
              </Section>
            </>
          );
        }}
      </QueryState>
      {manages ? (
        <DeputyForm />
      ) : (
        <Section title={t('approvals.deputies.formTitle')}>
          <p>{t('approvals.deputies.noManage')}</p>
        </Section>
      )}
      <RevokeDialog deputy={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}
