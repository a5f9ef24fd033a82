import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BringInState, BringInView } from '../../../../shared/api/facility-devices.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge, type Tone } from '../../../ui/badge.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { requestColumn, useDeviceCrumbs } from './bits.tsx';
import { BringInForm } from './bring-in-form.tsx';
import { ListTable } from './list-table.tsx';
import { useBringIns, useDevices } from './queries.ts';

const STATE_TONE: Record<BringInState, Tone> = {
  requested: 'info',
  sent_back: 'warn',
  approved: 'good',
  denied: 'plain',
  withdrawn: 'plain',
  expired: 'plain',
};

function BringInsTable({ bringIns }: { bringIns: BringInView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (bringIns.length === 0) return <p className="text-ink-muted">{t('facilities.devices.bringIn.empty')}</p>;
  const col = (k: string) => t(`facilities.devices.bringIn.col.${k}`);
  return (
    <ListTable
      rows={[...bringIns].sort(
        (a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id),
      )}
      rowKey={(b) => b.id}
      caption={t('facilities.devices.bringIn.caption')}
      columns={[
        requestColumn(col('request')),
        {
          header: col('device'),
          className: 'min-w-40',
          cell: (b) => (
            <>
              {b.label}
              <span className="block text-sm text-ink-muted">
                {`${t(`facilities.devices.kinds.${b.kind}`)}・${b.identifier}`}
              </span>
            </>
          ),
        },
        { header: col('owner'), cell: (b) => b.ownerDescription },
        {
          header: col('period'),
          cell: (b) =>
            t('facilities.devices.takeOut.period', { from: dates.date(b.from), to: dates.date(b.until) }),
        },
        { header: col('section'), cell: (b) => b.sectionName },
        {
          header: col('state'),
          cell: (b) => (
            <>
              <Badge tone={STATE_TONE[b.state]}>{t(`facilities.devices.bringInStates.${b.state}`)}</Badge>
              {b.deviceId && b.deviceNumber && (
                <Link to={`/facilities/devices/${b.deviceId}`} className="mt-1 block">
                  {b.deviceNumber}
                </Link>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * /facilities/devices/bring-ins: A30-2 — a device from outside (a contractor's laptop) comes in only
 * with the 保護管理者's approval; the request, and the requests the reader sees with where they stand.
 */
export function BringInsPage() {
  const { t } = useTranslation();
  const crumbs = useDeviceCrumbs();
  const list = useDevices({});
  const bringIns = useBringIns();
  return (
    <Page
      title={t('facilities.devices.bringIn.title')}
      crumbs={[...crumbs, { label: t('facilities.devices.bringIn.title') }]}
      lead={<p>{t('facilities.devices.bringIn.lead')}</p>}
    >
      <QueryState query={list}>
        {(v) =>
          v.memberSections.length === 0 ? (
            <p className="card">{t('facilities.devices.bringIn.noSections')}</p>
          ) : (
            <BringInForm sections={v.memberSections} />
          )
        }
      </QueryState>
      <Section title={t('facilities.devices.bringIn.listTitle')}>
        <QueryState query={bringIns}>{(b) => <BringInsTable bringIns={b.bringIns} />}</QueryState>
      </Section>
    </Page>
  );
}
