import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DeviceDetailView } from '../../../../shared/api/facility-devices.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Alert } from '../../../ui/alert.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { DeviceStatusBadge, EncryptionText, OverdueBadge, useDeviceCrumbs } from './bits.tsx';
import { DeviceHistory, TakeOutsTable } from './history.tsx';
import { LossActions } from './loss-actions.tsx';
import { MoveActions } from './moves-actions.tsx';
import { useDevice } from './queries.ts';
import { TakeOutActions } from './take-out-actions.tsx';

function Facts({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const d = view.device;
  const f = (k: string) => t(`facilities.devices.device.${k}`);
  return (
    <dl className="max-w-4xl">
      <TermItem term={f('status')}>
        <span className="flex flex-wrap items-center gap-2">
          <DeviceStatusBadge status={d.status} />
          {d.overdue && <OverdueBadge />}
        </span>
        {d.holder && d.dueDate && (
          <span className="mt-1 block">
            {t('facilities.devices.device.holderUntil', { name: d.holder.name, date: dates.date(d.dueDate) })}
          </span>
        )}
      </TermItem>
      <TermItem term={f('number')}>{d.number}</TermItem>
      <TermItem term={f('kind')}>{t(`facilities.devices.kinds.${d.kind}`)}</TermItem>
      <TermItem term={f('identifier')}>{d.identifier}</TermItem>
      <TermItem term={f('section')}>{`${d.unitName} ${d.sectionName}`.trim()}</TermItem>
      <TermItem term={f('storagePlace')}>{d.storagePlace}</TermItem>
      <TermItem term={f('encryption')}>
        <EncryptionText encryption={d.encryption} long />
        {d.encryptionNote && <span className="block">{d.encryptionNote}</span>}
      </TermItem>
      <TermItem term={f('theftPrevention')}>{d.theftPrevention ?? t('facilities.none')}</TermItem>
      <TermItem term={f('files')}>
        {d.files.length === 0 ? t('facilities.none') : d.files.map((x) => x.name).join('、')}
      </TermItem>
      {d.ownerDescription && (
        <TermItem term={f('owner')}>
          {d.ownerDescription}
          {d.onSiteUntil && (
            <span className="block">
              {t('facilities.devices.device.onSiteUntil', { date: dates.date(d.onSiteUntil) })}
            </span>
          )}
        </TermItem>
      )}
      {d.disposal && (
        <TermItem term={f('disposal')}>
          {t('facilities.devices.device.disposalText', {
            date: dates.date(d.disposal.disposedOn),
            method: t(`facilities.devices.disposalMethods.${d.disposal.method}`),
            witness: d.disposal.witness.name,
            recorder: d.disposal.recordedBy.name,
          })}
          {d.disposal.methodNote && <span className="block">{d.disposal.methodNote}</span>}
        </TermItem>
      )}
      <TermItem term={f('registeredAt')}>{dates.dateTime(d.registeredAt)}</TermItem>
    </dl>
  );
}

/** A34: the incident opened when the device was reported lost or stolen. */
function IncidentNotice({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  const incident = view.device.incident;
  if (!incident) return null;
  return (
    <Alert tone="error" title={t('facilities.devices.lost.incidentTitle')}>
      <p>
        {t('facilities.devices.lost.incidentLead')}{' '}
        <Link to={`/incidents/${incident.id}`} className="font-bold">
          {incident.number}
        </Link>
      </p>
    </Alert>
  );
}

function Actions({ view }: { view: DeviceDetailView }) {
  const { t } = useTranslation();
  const can = Object.values(view.can).some(Boolean);
  if (!can) return null;
  return (
    <Section title={t('facilities.devices.actions.title')}>
      <div className="flex flex-wrap gap-3">
        <TakeOutActions view={view} />
        <MoveActions view={view} />
        {view.can.edit && (
          <Link to={`/facilities/devices/${view.device.id}/edit`} className="btn-secondary">
            {t('facilities.devices.actions.edit')}
          </Link>
        )}
        <LossActions view={view} />
      </div>
    </Section>
  );
}

/** /facilities/devices/:id: a device or medium, what may be done with it now, its take-outs and history (A14, A30). */
export function DevicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useDeviceCrumbs();
  const device = useDevice(id);
  const d = device.data?.device;
  const title = d ? `${d.number} ${d.label}` : t('facilities.devices.device.titlePlain');
  return (
    <Page title={title} crumbs={[...crumbs, { label: d?.number ?? title }]}>
      <QueryState query={device}>
        {(v) => (
          <>
            <IncidentNotice view={v} />
            <Facts view={v} />
            <Actions view={v} />
            <TakeOutsTable takeOuts={v.takeOuts} />
            <DeviceHistory history={v.history} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
