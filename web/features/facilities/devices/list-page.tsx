import { Form, Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  DEVICE_KINDS,
  DEVICE_STATUSES,
  type DeviceKind,
  type DeviceListQuery,
  type DeviceStatus,
  type DeviceView,
} from '../../../../shared/api/facility-devices.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { FilterSelect } from '../common/filter-select.tsx';
import { DeviceStatusBadge, EncryptionText, KindOptions, OverdueBadge } from './bits.tsx';
import { ListTable } from './list-table.tsx';
import { MediaSection } from './media-section.tsx';
import { useDevices } from './queries.ts';

const isStatus = (v: string | null): v is DeviceStatus =>
  v !== null && (DEVICE_STATUSES as readonly string[]).includes(v);
const isKind = (v: string | null): v is DeviceKind =>
  v !== null && (DEVICE_KINDS as readonly string[]).includes(v);

/** The filters, kept in the URL (a GET form), so that a filtered list can be bookmarked. */
function Filters({ query }: { query: DeviceListQuery }) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className="card mb-6 flex flex-wrap items-end gap-4"
      aria-label={t('facilities.devices.list.filters')}
    >
      <FilterSelect
        id="df-status"
        name="status"
        label={t('facilities.devices.list.status')}
        defaultValue={query.status ?? ''}
      >
        <option value="">{t('facilities.devices.list.allStatuses')}</option>
        {DEVICE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`facilities.devices.statuses.${s}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="df-kind"
        name="kind"
        label={t('facilities.devices.list.kind')}
        defaultValue={query.kind ?? ''}
      >
        <option value="">{t('facilities.devices.list.allKinds')}</option>
        <KindOptions />
      </FilterSelect>
      <button type="submit" className="btn-secondary">
        {t('facilities.devices.list.apply')}
      </button>
    </Form>
  );
}

/** Who has it and until when (lent or taken out), or until when it stays (brought in). */
function DueCell({ device: d }: { device: DeviceView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const due = d.dueDate ?? (d.status === 'on_site' ? d.onSiteUntil : null);
  if (!due) return <span className="text-ink-muted">{t('facilities.none')}</span>;
  return (
    <>
      <span className="block">{dates.date(due)}</span>
      {d.holder && <span className="block text-sm">{d.holder.name}</span>}
      {d.overdue && <OverdueBadge />}
    </>
  );
}

function DevicesTable({ devices }: { devices: DeviceView[] }) {
  const { t } = useTranslation();
  const col = (k: string) => t(`facilities.devices.list.col.${k}`);
  return (
    <ListTable
      rows={devices}
      rowKey={(d) => d.id}
      caption={t('facilities.devices.list.caption')}
      columns={[
        {
          header: col('label'),
          className: 'min-w-36',
          cell: (d) => <Link to={`/facilities/devices/${d.id}`}>{d.label}</Link>,
        },
        { header: col('number'), className: 'whitespace-nowrap tabular-nums', cell: (d) => d.number },
        {
          header: col('kind'),
          className: 'whitespace-nowrap',
          cell: (d) => t(`facilities.devices.kinds.${d.kind}`),
        },
        { header: col('identifier'), cell: (d) => d.identifier },
        { header: col('section'), cell: (d) => `${d.unitName} ${d.sectionName}`.trim() },
        { header: col('place'), cell: (d) => d.storagePlace },
        {
          header: col('encryption'),
          className: 'whitespace-nowrap',
          cell: (d) => <EncryptionText encryption={d.encryption} />,
        },
        { header: col('status'), cell: (d) => <DeviceStatusBadge status={d.status} /> },
        { header: col('due'), cell: (d) => <DueCell device={d} /> },
      ]}
    />
  );
}

/**
 * /facilities/devices: the register of terminals and media (A14, A30) the reader may see, with
 * filters; handling's register of media that hold files is shown below, read-only (ADR 0008).
 */
export function DevicesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = params.get('status');
  const kind = params.get('kind');
  const query: DeviceListQuery = {
    status: isStatus(status) ? status : undefined,
    kind: isKind(kind) ? kind : undefined,
  };
  const list = useDevices(query);
  const filtered = query.status !== undefined || query.kind !== undefined;
  return (
    <Page
      title={t('facilities.devices.title')}
      crumbs={[{ label: t('facilities.title'), to: '/facilities' }, { label: t('facilities.devices.title') }]}
      lead={<p>{t('facilities.devices.lead')}</p>}
      actions={
        <>
          {(list.data?.keeperSections.length ?? 0) > 0 && (
            <Link to="/facilities/devices/new" className="btn-primary">
              {t('facilities.devices.list.new')}
            </Link>
          )}
          {(list.data?.memberSections.length ?? 0) > 0 && (
            <Link to="/facilities/devices/bring-ins" className="btn-secondary">
              {t('facilities.devices.list.bringIn')}
            </Link>
          )}
        </>
      }
    >
      <Filters key={params.toString()} query={query} />
      <QueryState query={list}>
        {(v) => (
          <>
            {v.devices.length === 0 ? (
              <p role="status" className="card">
                {filtered ? t('facilities.devices.list.emptyFiltered') : t('facilities.devices.list.empty')}
              </p>
            ) : (
              <DevicesTable devices={v.devices} />
            )}
            <MediaSection media={v.media} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
