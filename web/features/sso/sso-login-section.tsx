import { useTranslation } from 'react-i18next';
import { SSO_FLOW_ERRORS } from '../../../shared/errors-sso.ts';
import { codeMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { useSsoPublicProviders } from './sso-queries.ts';

/**
 * 「シングルサインオン」 on the login page: one link per enabled provider (a full navigation to the
 * server, which redirects to the IdP), and the reason when the IdP's answer came back refused.
 */
export function SsoLoginSection({ next, error }: { next: string; error: string | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const providers = useSsoPublicProviders();
  const known = (SSO_FLOW_ERRORS as readonly string[]).includes(error ?? '') ? error : null;
  const list = providers.data ?? [];
  if (!known && list.length === 0) return null;
  return (
    <section aria-labelledby="sso-title" className="mt-8">
      {known && (
        <div role="alert">
          <Alert tone="error" title={t('sso.errorTitle')}>
            {codeMessage(known, locale)}
          </Alert>
        </div>
      )}
      {list.length > 0 && (
        <>
          <h2 id="sso-title" className="mb-2 text-xl">
            {t('sso.loginTitle')}
          </h2>
          <p className="mb-4">{t('sso.loginIntro')}</p>
          <ul className="flex flex-col gap-3">
            {list.map((p) => (
              <li key={p.id}>
                <a
                  className="btn-secondary w-full"
                  href={`/api/auth/sso/${encodeURIComponent(p.id)}/start?next=${encodeURIComponent(next)}`}
                >
                  {t('sso.loginWith', { unit: p.unitName, name: p.displayName })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
