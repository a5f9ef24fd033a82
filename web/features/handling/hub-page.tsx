import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';

/** The lists of issue 7's acts, each with the article it serves; the server decides what each person sees. */
const CARDS = [
  { to: '/handling/exports', key: 'exports' },
  { to: '/handling/movements', key: 'movements' },
  { to: '/handling/media', key: 'media' },
  { to: '/handling/corrections', key: 'corrections' },
  { to: '/handling/out-of-purpose', key: 'outOfPurpose' },
  { to: '/handling/disposals', key: 'disposals' },
] as const;

/**
 * 「取扱い」: where the acts beyond reading are found (issue 7; A12–A17) — copies and their deletion,
 * sending and media, corrections, use outside the purpose, disposal. New acts start from a file of
 * the vault (its purpose and grant); these pages list what is under way and what is done.
 */
export function HandlingHubPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('handling.title')} lead={<p>{t('handling.lead')}</p>}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {CARDS.map((c) => (
          <li key={c.to}>
            <Link
              to={c.to}
              className="card block h-full no-underline hover:border-primary hover:bg-primary-soft"
            >
              <span className="block text-lg font-bold text-primary underline">
                {t(`handling.cards.${c.key}.label`)}
              </span>
              <span className="mt-1 block text-ink">{t(`handling.cards.${c.key}.desc`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <Link to="/vault">{t('handling.startFromVault')}</Link>
      </p>
    </Page>
  );
}
