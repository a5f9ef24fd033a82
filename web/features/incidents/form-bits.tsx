import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <LiveRegion>{show && <Alert tone="success" title={text ?? t('incidents.saved')} />}</LiveRegion>;
}

/** A term and its description in a two-column list. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line-soft py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-bold text-ink-strong">{term}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </div>
  );
}
