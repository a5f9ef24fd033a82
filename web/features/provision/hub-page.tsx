import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../ui/page.tsx';
import { useRegisterFileChoices } from './queries.ts';

/** The three registers of issue 9, each with the article it serves. */
const CARDS = [
  { to: '/provision/parties', key: 'parties', article: 'a19' },
  { to: '/provision/contracts', key: 'contracts', article: 'a19' },
  { to: '/provision/provisions', key: 'provisions', article: 'a18' },
] as const;

/** 「ファイルごとの提供先・委託先」: a file of the register, then its view (A18, A19 "Views"). */
function FilePicker() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const files = useRegisterFileChoices();
  const [fileId, setFileId] = useState('');
  const choices = files.data?.files ?? [];
  return (
    <Section title={t('provision.hub.byFile')}>
      <p className="mb-4 max-w-3xl">{t('provision.hub.byFileLead')}</p>
      {files.isSuccess && choices.length === 0 ? (
        <p className="text-ink-muted">{t('provision.hub.noFiles')}</p>
      ) : (
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (fileId) void navigate(`/provision/files/${encodeURIComponent(fileId)}`);
          }}
        >
          <div>
            <label htmlFor="provision-file" className="label mb-1 block">
              {t('provision.hub.file')}
            </label>
            <select
              id="provision-file"
              className="input"
              value={fileId}
              onChange={(e) => setFileId(e.target.value)}
            >
              <option value="">{t('provision.hub.choose')}</option>
              {choices.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${f.name}（${f.unitName} ${f.sectionName}）`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary" disabled={!fileId}>
            {t('provision.hub.show')}
          </button>
        </form>
      )}
    </Section>
  );
}

/**
 * /provision: 「第三者提供・委託」 — the register of outside parties, outsourcing contracts (A19) and
 * provisions to third parties (A17, A18); the server decides what each person sees in each.
 */
export function ProvisionHubPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('provision.hub.title')} lead={<p>{t('provision.hub.lead')}</p>}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {CARDS.map((c) => (
          <li key={c.to}>
            <Link
              to={c.to}
              className="card block h-full no-underline hover:border-primary hover:bg-primary-soft"
            >
              <span className="block text-lg font-bold text-primary underline">
                {t(`provision.hub.cards.${c.key}.label`)}
              </span>
              <span className="mt-1 block text-ink">{t(`provision.hub.cards.${c.key}.desc`)}</span>
              <span className="mt-2 block text-sm text-ink-muted">
                {c.key === 'provisions'
                  ? `${t('provision.article.a17')}・${t('provision.article.a18')}`
                  : t(`provision.article.${c.article}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <FilePicker />
    </Page>
  );
}
