import { useTranslation } from 'react-i18next';
import type { LogEntryView } from '../../../shared/api/logs.ts';

/**
 * Japanese (or English) names of the events of the log (A22): known types get a label; an unknown
 * type shows its raw name, so nothing is ever hidden. Type names contain dots, so they are looked up
 * in the `log.types` object rather than as i18next keys.
 */
export function useEventLabel(): (type: string) => string {
  const { t } = useTranslation();
  const types = t('log.types', { returnObjects: true }) as Record<string, string>;
  return (type) => types[type] ?? type;
}

/** The stated purpose (A11-3) in words, or the raw code. */
export function usePurposeLabel(): (purpose: string | null) => string {
  const { t } = useTranslation();
  const purposes = t('log.purposes', { returnObjects: true }) as Record<string, string>;
  return (purpose) => (purpose ? (purposes[purpose] ?? purpose) : '');
}

/** Where an entry belongs: the unit and section names, or nothing. */
export const placeOf = (e: Pick<LogEntryView, 'unitName' | 'sectionName'>): string =>
  [e.unitName, e.sectionName].filter(Boolean).join(' ');

const outcomeTone = {
  ok: 'border-success text-success',
  denied: 'border-error text-error',
  error: 'border-warning text-ink-strong',
} as const;

export function OutcomeBadge({ outcome }: { outcome: LogEntryView['outcome'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${outcomeTone[outcome]}`}>{t(`log.outcome.${outcome}`)}</span>;
}
