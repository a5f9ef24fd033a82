import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { OverviewLists } from './party-page.tsx';
import { filePath, useFileOverview } from './queries.ts';

/** /provision/files/:fileId: who receives a file (A17, A18) and who processes it (A19), with exports. */
export function FileViewPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const view = useFileOverview(fileId);
  const name = view.data?.file.name;
  const title = name ? t('provision.fileView.title', { name }) : t('provision.fileView.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('provision.hub.title'), to: '/provision' }, { label: title }]}
      lead={<p>{t('provision.fileView.lead')}</p>}
      actions={
        view.data && (
          <>
            <a href={`${filePath(fileId)}/export.xlsx`} className="btn-secondary">
              {t('provision.overview.xlsx')}
            </a>
            <a href={`${filePath(fileId)}/export.pdf`} className="btn-secondary">
              {t('provision.overview.pdf')}
            </a>
          </>
        )
      }
    >
      <QueryState query={view}>
        {(v) => (
          <>
            <dl className="max-w-4xl">
              <TermItem term={t('provision.fileView.section')}>
                {`${v.file.unitName} ${v.file.sectionName}`.trim()}
              </TermItem>
            </dl>
            <Section title={t('provision.fileView.heading')}>
              <OverviewLists provisions={v.provisions} contracts={v.contracts} />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
