import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/page.tsx';
import { useRegisterInbox } from './queries.ts';

/** On the home page, what awaits the person in the register (A20), when anything does. */
export function RegisterAwaiting() {
  const { t } = useTranslation();
  const inbox = useRegisterInbox();
  const count = inbox.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <Section title={t('fileRegister.inboxTitle')}>
      <div className="card">
        <p className="text-lg font-bold">{t('fileRegister.homeAwaiting', { count })}</p>
        <p className="mt-4">
          <Link to="/register-admin/inbox" className="btn-primary">
            {t('fileRegister.homeOpenInbox')}
          </Link>
        </p>
      </div>
    </Section>
  );
}
