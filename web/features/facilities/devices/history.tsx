import { useTranslation } from 'react-i18next';
import type { DeviceEventView, TakeOutState, TakeOutView } from '../../../../shared/api/facility-devices.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge, type Tone } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { OverdueBadge, requestColumn } from './bits.tsx';
import { ListTable } from './list-table.tsx';

const TAKE_OUT_TONE: Record<TakeOutState, Tone> = {
  requested: 'info',
  sent_back: 'warn',
  approved: 'good',
  denied: 'plain',
  withdrawn: 'plain',
  expired: 'plain',
  out: 'warn',
  returned: 'good',
};

/** A30-2: the device's requests to go out, each with its approval and where it stands. */
export function TakeOutsTable({ takeOuts }: { takeOuts: TakeOutView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (takeOuts.length === 0) return null;
  const col = (k: string) => t(`facilities.devices.takeOut.col.${k}`);
  return (
    <Section title={t('facilities.devices.takeOut.title')}>
      <ListTable
        rows={takeOuts}
        rowKey={(o) => o.id}
        caption={t('facilities.devices.takeOut.caption')}
        columns={[
          requestColumn(col('request')),
          {
            header: col('destination'),
            className: 'min-w-40',
            cell: (o) => (
              <>
                {o.destination}
                <span className="block text-sm text-ink-muted">{o.purpose}</span>
              </>
            ),
          },
          {
            header: col('period'),
            cell: (o) =>
              t('facilities.devices.takeOut.period', { from: dates.date(o.from), to: dates.date(o.dueBack) }),
          },
          { header: col('requestedBy'), cell: (o) => o.requestedBy.name },
          {
            header: col('state'),
            cell: (o) => (
              <>
                <Badge tone={TAKE_OUT_TONE[o.state]}>
                  {t(`facilities.devices.takeOutStates.${o.state}`)}
                </Badge>
                {o.overdue && <OverdueBadge />}
                {o.outAt && (
                  <span className="mt-1 block text-sm">
                    {t('facilities.devices.takeOut.outAt', { date: dates.dateTime(o.outAt) })}
                  </span>
                )}
                {o.returnedAt && (
                  <span className="block text-sm">
                    {t('facilities.devices.takeOut.returnedAt', { date: dates.dateTime(o.returnedAt) })}
                  </span>
                )}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** Everything recorded about the device, newest first (who, when, to whom, until when). */
export function DeviceHistory({ history }: { history: DeviceEventView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const rows = [...history].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const col = (k: string) => t(`facilities.devices.history.col.${k}`);
  return (
    <Section title={t('facilities.devices.history.title')}>
      <ListTable
        rows={rows}
        rowKey={(e) => e.id}
        caption={t('facilities.devices.history.caption')}
        columns={[
          { header: col('kind'), cell: (e) => t(`facilities.devices.events.${e.kind}`) },
          { header: col('at'), className: 'whitespace-nowrap', cell: (e) => dates.dateTime(e.at) },
          { header: col('by'), cell: (e) => e.by.name },
          {
            header: col('details'),
            className: 'min-w-48',
            cell: (e) => (
              <>
                {e.person && (
                  <span className="block">
                    {t(
                      e.kind === 'disposed'
                        ? 'facilities.devices.history.witness'
                        : 'facilities.devices.history.to',
                      { name: e.person.name },
                    )}
                  </span>
                )}
                {e.dueDate && (
                  <span className="block">
                    {t('facilities.devices.history.due', { date: dates.date(e.dueDate) })}
                  </span>
                )}
                {e.note && <span className="block whitespace-pre-wrap">{e.note}</span>}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}
