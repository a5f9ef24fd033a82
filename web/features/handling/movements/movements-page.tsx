import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MovementView } from '../../../../shared/api/handling-movements.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { MovementStateBadge, OverdueBadge } from './badges.tsx';
import { useCarryOut, useMovements, useReturn, type MovementBox } from './queries.ts';

const BOXES: MovementBox[] = ['mine', 'section', 'overdue', 'all'];

function ReturnDialog({ movement, onClose }: { movement: MovementView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const back = useReturn();
  const form = useForm<{ storagePlace: string }>({ defaultValues: { storagePlace: '' } });
  const close = () => {
    back.reset();
    form.reset();
    onClose();
  };
  return (
    <Dialog
      open={movement !== null}
      title={t('movement.list.returnTitle', { number: movement?.requestNumber ?? '' })}
      onClose={close}
    >
      {movement && (
        <form
          noValidate
          onSubmit={(e) =>
            void form.handleSubmit((v) =>
              back.mutateAsync({ id: movement.id, storagePlace: v.storagePlace }).then(() => {
                close();
                notify('movement.list.returned');
              }),
            )(e)
          }
        >
          <FormErrors errors={form.formState.errors} serverError={back.error} />
          <p className="mb-4">{movement.mediumLabel}</p>
          <TextField
            label={t('movement.list.returnPlace')}
            help={t('movement.list.returnHelp')}
            registration={form.register('storagePlace', { required: true })}
            error={form.formState.errors.storagePlace}
            required
          />
          <button type="submit" className="btn-primary" disabled={back.isPending}>
            {t('movement.list.return')}
          </button>
        </form>
      )}
    </Dialog>
  );
}

function MovementsTable({
  movements,
  onReturn,
}: {
  movements: MovementView[];
  onReturn: (m: MovementView) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const dates = useDates();
  const notify = useNotify();
  const carry = useCarryOut();
  if (movements.length === 0) return <p>{t('movement.list.none')}</p>;
  return (
    <>
      <LiveRegion>
        {carry.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(carry.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t('movement.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('movement.list.number')}</th>
              <th scope="col">{t('movement.list.what')}</th>
              <th scope="col">{t('movement.list.recipient')}</th>
              <th scope="col">{t('movement.list.dates')}</th>
              <th scope="col">{t('movement.list.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {movements.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="whitespace-nowrap font-bold">
                  {m.requestNumber}
                  <p className="text-sm font-normal">{t(`movement.kinds.${m.kind}`)}</p>
                  {!m.approvalRequired && (
                    <p className="text-sm font-normal text-ink-muted">{t('movement.notRequired')}</p>
                  )}
                </th>
                <td className="min-w-48">
                  <p className="font-bold">{m.fileName}</p>
                  <p className="text-sm">
                    {m.recordsDescription}
                    {m.recordsCount ? t('movement.list.count', { count: m.recordsCount }) : ''}
                  </p>
                  {m.mediumLabel && <p className="text-sm">{m.mediumLabel}</p>}
                  <p className="text-sm text-ink-muted">{m.requestedByName}</p>
                </td>
                <td className="min-w-40">
                  {m.recipient}
                  <p className="text-sm text-ink-muted">{t(`movement.means.${m.means}`)}</p>
                </td>
                <td className="whitespace-nowrap">
                  {dates.date(m.plannedAt)}
                  {m.dueBack && (
                    <p className="text-sm">{t('movement.list.dueBack', { date: dates.date(m.dueBack) })}</p>
                  )}
                </td>
                <td className="min-w-32">
                  <MovementStateBadge state={m.state} />
                  {m.overdue && (
                    <p>
                      <OverdueBadge />
                    </p>
                  )}
                </td>
                <td>
                  <div className="flex flex-wrap gap-2">
                    {m.canCarryOut && (
                      <button
                        type="button"
                        className="btn-primary btn-sm"
                        disabled={carry.isPending}
                        aria-label={t('movement.list.carryOutOf', { number: m.requestNumber })}
                        onClick={() =>
                          carry.mutate(m.id, { onSuccess: () => notify('movement.list.carried') })
                        }
                      >
                        {t('movement.list.carryOut')}
                      </button>
                    )}
                    {m.canReturn && (
                      <button
                        type="button"
                        className="btn-secondary btn-sm"
                        aria-label={t('movement.list.returnOf', { number: m.requestNumber })}
                        onClick={() => onReturn(m)}
                      >
                        {t('movement.list.return')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A12(2), A12(3): the person's transmissions and movements of media, their sections', the overdue ones. */
export function MovementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('box') as MovementBox | null;
  const box: MovementBox = asked && BOXES.includes(asked) ? asked : 'mine';
  const movements = useMovements(box);
  const [returning, setReturning] = useState<MovementView | null>(null);
  return (
    <Page
      title={t('movement.list.title')}
      lead={<p>{t('movement.list.lead')}</p>}
      actions={
        <>
          <Link to="/handling/movements/new" className="btn-primary">
            {t('movement.list.new')}
          </Link>
          <Link to="/handling/media" className="btn-secondary">
            {t('movement.list.mediaLink')}
          </Link>
        </>
      }
    >
      <nav aria-label={t('movement.list.boxesLabel')} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {BOXES.map((b) => (
            <li key={b}>
              <button
                type="button"
                className={b === box ? 'btn-primary btn-sm' : 'btn-secondary btn-sm'}
                aria-current={b === box ? 'page' : undefined}
                onClick={() => setParams({ box: b })}
              >
                {t(`movement.list.boxes.${b}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <QueryState query={movements}>
        {(data) => <MovementsTable movements={data.movements} onReturn={setReturning} />}
      </QueryState>
      <ReturnDialog movement={returning} onClose={() => setReturning(null)} />
    </Page>
  );
}
