import { useTranslation } from 'react-i18next';
import type { BackupSettingsView } from '../../../../shared/api/facility-backups.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { scheduleWords } from './schedule.ts';

/** A27: where, when and how long backups are kept, and the restore tests' schedule. No secret is shown. */
export function SettingsSection({ settings: s }: { settings: BackupSettingsView }) {
  const { t } = useTranslation();
  const cron = (value: string) => {
    const w = scheduleWords(value);
    if (!w) return t('facilityBackups.settings.cron', { cron: value });
    return w.kind === 'daily'
      ? t('facilityBackups.settings.daily', { time: w.time })
      : t('facilityBackups.settings.weekly', {
          day: t(`facilityBackups.settings.days.${w.day}`),
          time: w.time,
        });
  };
  return (
    <Section title={t('facilityBackups.settings.title')}>
      {s.destinationsAreDemo ? (
        <Alert tone="info" title={t('facilityBackups.settings.demoDestinations')} />
      ) : (
        s.destinations.length < 2 && (
          <Alert tone="warning" title={t('facilityBackups.settings.oneDestination')} />
        )
      )}
      <dl>
        <TermItem term={t('facilityBackups.settings.destinations')}>
          <ul className="grid gap-1">
            {s.destinations.map((d) => (
              <li key={d.location} className="font-mono text-sm break-all">
                {d.location}
              </li>
            ))}
          </ul>
        </TermItem>
        <TermItem term={t('facilityBackups.settings.schedule')}>{cron(s.schedule)}</TermItem>
        <TermItem term={t('facilityBackups.settings.retention')}>
          {t('facilityBackups.settings.retentionValue', { days: s.keepDays, min: s.keepMin })}
        </TermItem>
        <TermItem term={t('facilityBackups.settings.maxAge')}>
          {t('facilityBackups.settings.maxAgeValue', { hours: s.maxAgeHours })}
        </TermItem>
        <TermItem term={t('facilityBackups.settings.restoreSchedule')}>
          {cron(s.restoreTestSchedule)}
        </TermItem>
        <TermItem term={t('facilityBackups.settings.restoreMaxDays')}>
          {t('facilityBackups.settings.restoreMaxDaysValue', { days: s.restoreTestMaxDays })}
        </TermItem>
        <TermItem term={t('facilityBackups.settings.dialect')}>
          {t(`facilityBackups.dialects.${s.dialect}`)}
        </TermItem>
        {s.dialect === 'postgres' && (
          <TermItem term={t('facilityBackups.settings.restoreDb')}>
            {s.restoreTestDatabaseSet ? (
              t('facilityBackups.settings.restoreDbSet')
            ) : (
              <Badge tone="warn">{t('facilityBackups.settings.restoreDbUnset')}</Badge>
            )}
          </TermItem>
        )}
        <TermItem term={t('facilityBackups.settings.keyFingerprint')}>
          {s.keyFingerprint ? (
            <span className="font-mono">{s.keyFingerprint}</span>
          ) : (
            <Badge tone="bad">{t('facilityBackups.settings.keyUnreadable')}</Badge>
          )}
          <span className="block text-sm text-ink-muted">
            {t('facilityBackups.settings.keyFingerprintHelp')}
          </span>
        </TermItem>
      </dl>
    </Section>
  );
}
