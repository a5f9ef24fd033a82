import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { Section } from '../../ui/page.tsx';
import { Item, Saved } from './form-bits.tsx';

/** The report to the 個人情報保護委員会 in its form's items (規則44), ready to copy into its web form. */
export function PpcReportSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (incident.ppcReport.length === 0) return null;
  const copy = () => {
    const text = incident.ppcReport.map((r) => `【${r.item}】\n${r.text}`).join('\n\n');
    void navigator.clipboard
      .writeText(text)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <Section
      title={t('incidents.ppcReport.title')}
      actions={
        <button type="button" className="btn-secondary btn-sm" onClick={copy}>
          {t('incidents.ppcReport.copy')}
        </button>
      }
    >
      <p className="mb-4 max-w-3xl">{t('incidents.ppcReport.lead')}</p>
      <Saved show={copied} text={t('incidents.ppcReport.copied')} />
      <dl className="max-w-4xl">
        {incident.ppcReport.map((r, n) => (
          <Item key={`${r.item}-${n}`} term={r.item}>
            {r.text}
          </Item>
        ))}
      </dl>
    </Section>
  );
}

/** What happened, in order (oldest first): when, who, what. */
export function TimelineSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section title={t('incidents.timeline.title')}>
      <ol className="grid gap-2 border-l-4 border-primary pl-4">
        {incident.timeline.map((e) => (
          <li key={e.id}>
            <p className="text-sm text-ink-muted">
              <time dateTime={e.at}>{dates.dateTime(e.at)}</time>
              {e.byName && ` ${e.byName}`}
            </p>
            <p className="font-bold">
              {typeof e.data.step === 'string'
                ? t('incidents.timeline.withStep', {
                    kind: t(`incidents.timeline.kinds.${e.kind}`),
                    step: t(`incidents.stepNames.${e.data.step}`),
                  })
                : t(`incidents.timeline.kinds.${e.kind}`)}
            </p>
            {e.text && <p className="whitespace-pre-wrap">{e.text}</p>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
