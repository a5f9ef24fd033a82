import { useTranslation } from 'react-i18next';
import type { MatchesView } from '../../../../shared/api/requests-search.ts';
import { Alert } from '../../../ui/alert.tsx';
import { Section } from '../../../ui/page.tsx';
import { TermChips } from './labels.tsx';

/**
 * 検索の対象としたファイル: each vault file with the terms its blind indexes answer; the files with no
 * searchable identifying field are listed apart, to be looked through by hand (ADR 0007), and those
 * the handler's terminal does not fit, to be searched from a fitting terminal (A29) — each with why.
 */
export function FilesSection({ view }: { view: MatchesView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requestsWork.search.filesTitle')}>
      {view.files.length === 0 ? (
        <p className="text-ink-muted">{t('requestsWork.search.noFiles')}</p>
      ) : (
        <ul className="grid gap-2">
          {view.files.map((f) => (
            <li key={f.fileId} className="flex flex-wrap items-center gap-3 border-b border-line-soft py-2">
              <span className="font-bold">{f.fileName}</span>
              <TermChips terms={f.searchableOn} label={t('requestsWork.search.searchableOn')} />
            </li>
          ))}
        </ul>
      )}
      {view.unsearchable.length > 0 && (
        <Alert tone="warning" title={t('requestsWork.search.byHandTitle')}>
          <p>{t('requestsWork.search.byHandBody')}</p>
          <ul className="mt-2 list-disc pl-6">
            {view.unsearchable.map((f) => (
              <li key={f.fileId}>
                <span className="font-bold">{f.fileName}</span>
                {f.reason && (
                  <span className="block text-sm">{t(`requestsWork.search.notSearched.${f.reason}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Section>
  );
}
