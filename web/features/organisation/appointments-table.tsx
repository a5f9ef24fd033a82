import { useState, type ReactNode } from 'react';
import { ROLES } from '../../../shared/roles.ts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/api/organisation.ts';
import { useDates } from '../../app/preferences.tsx';
import { useCan } from '../../app/ability.ts';
import { StatusBadge, useRoleLabel } from './labels.tsx';
import { EndAppointmentDialog } from './end-appointment-dialog.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** The rule's order of roles (理事長 first), then scope, then the latest start first. */
export function sortAppointments(
  list: AppointmentView[],
  scopeName?: (a: AppointmentView) => ReactNode,
): AppointmentView[] {
  const scopeKey = (a: AppointmentView) => {
    const s = scopeName?.(a);
    return typeof s === 'string' ? s : '';
  };
  return [...list].sort(
    (a, b) =>
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      scopeKey(a).localeCompare(scopeKey(b), 'ja') ||
      b.startsOn.localeCompare(a.startsOn),
  );
}

export function isOngoing(a: AppointmentView): boolean {
  return a.status === 'current' || a.status === 'future';
}

/**
 * Appointments with role, holder, scope, term, basis and status; an 「終了」 button on ongoing
 * appointments of roles the signed-in person may appoint.
 */
export function AppointmentsTable({
  appointments,
  caption,
  scopeName,
  showPerson = true,
}: {
  appointments: AppointmentView[];
  caption: string;
  scopeName?: (a: AppointmentView) => ReactNode;
  showPerson?: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const roleLabel = useRoleLabel();
  const can = useCan();
  const [ending, setEnding] = useState<AppointmentView | null>(null);
  const [ended, setEnded] = useState(false);
  const notice = <LiveRegion>{ended && <Alert tone="success" title={t('endDialog.done')} />}</LiveRegion>;
  if (appointments.length === 0)
    return (
      <>
        {notice}
        <p className="text-ink-muted">{t('org.noAppointments')}</p>
      </>
    );
  const canEnd = (a: AppointmentView) =>
    isOngoing(a) &&
    can('end', 'Appointment', { id: a.id, role: a.role, unitId: a.unitId, sectionId: a.sectionId });
  const anyEnd = appointments.some(canEnd);
  const anyPast = appointments.some((a) => a.terminatedOn);
  return (
    <div className="overflow-x-auto">
      {notice}
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appt.role')}</th>
            {showPerson && <th scope="col">{t('appt.person')}</th>}
            {scopeName && <th scope="col">{t('appt.scope')}</th>}
            <th scope="col">{t('appt.period')}</th>
            <th scope="col">{t('appt.basis')}</th>
            <th scope="col">{t('appt.status')}</th>
            {anyPast && <th scope="col">{t('appt.reason')}</th>}
            {anyEnd && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sortAppointments(appointments, scopeName).map((a) => (
            <tr key={a.id}>
              <th scope="row" className="font-bold">
                {roleLabel(a.role, true)}
                {a.role === 'mynumber_handler' && (a.duties || a.handlingRange) && (
                  <dl className="mt-1 text-sm font-normal text-ink-muted">
                    {a.duties && (
                      <div>
                        <dt className="inline">{t('common.labelColon', { label: t('appt.duties') })}</dt>
                        <dd className="inline">{a.duties}</dd>
                      </div>
                    )}
                    {a.handlingRange && (
                      <div>
                        <dt className="inline">
                          {t('common.labelColon', { label: t('appt.handlingRange') })}
                        </dt>
                        <dd className="inline">{a.handlingRange}</dd>
                      </div>
                    )}
                  </dl>
                )}
              </th>
              {showPerson && (
                <td className="whitespace-nowrap">
                  <Link to={`/people/${a.personId}`}>{a.personName}</Link>
                </td>
              )}
              {scopeName && <td>{scopeName(a) ?? t(`scopes.${a.scopeKind}`)}</td>}
              <td className="whitespace-nowrap">
                <span className="block">{t('appt.from', { date: dates.date(a.startsOn) })}</span>
                {(a.terminatedOn ?? a.endsOn) && (
                  <span className="block">
                    {t('appt.to', { date: dates.date(a.terminatedOn ?? a.endsOn) })}
                  </span>
                )}
              </td>
              <td className="text-sm">
                {a.basis}
                {a.appointedByName && (
                  <span className="block text-ink-muted">
                    {t('common.labelColon', { label: t('appt.appointedBy') })}
                    {a.appointedByName}
                  </span>
                )}
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              {anyPast && <td className="text-sm">{a.terminationReason ?? ''}</td>}
              {anyEnd && (
                <td>
                  {canEnd(a) && (
                    <button
                      type="button"
                      className="btn-danger btn-sm"
                      aria-label={t('appt.endButtonLabel', { name: a.personName, role: roleLabel(a.role) })}
                      onClick={() => setEnding(a)}
                    >
                      {t('appt.endButton')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <EndAppointmentDialog
        appointment={ending}
        onClose={() => setEnding(null)}
        onEnded={() => setEnded(true)}
      />
    </div>
  );
}
