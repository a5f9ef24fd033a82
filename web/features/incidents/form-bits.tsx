import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SavedNotice } from '../../ui/alert.tsx';
import { TermItem } from '../../ui/term-list.tsx';

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('incidents.saved')} />;
}

/** A term and its description, with the narrower term column of the incident pages. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <TermItem narrow term={term}>
      {children}
    </TermItem>
  );
}
