import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { TotpSetupView } from '../../../shared/api/mfa.ts';

type RegistrationOptions = Parameters<typeof startRegistration>[0]['optionsJSON'];
type AuthenticationOptions = Parameters<typeof startAuthentication>[0]['optionsJSON'];
import { ApiError } from '../../app/api.ts';

/** A one-time code input (A21): numeric keyboard, autofill from the phone, the field's help and error. */
export function CodeForm({
  label,
  help,
  submitLabel,
  pending,
  error,
  numeric = true,
  onSubmit,
}: {
  label: string;
  help: string;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  numeric?: boolean;
  onSubmit: (code: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) onSubmit(code.trim());
  };
  return (
    <form noValidate onSubmit={submit} className="card">
      <div className="mb-6">
        <label htmlFor={id} className="label mb-1 block">
          {label}
        </label>
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
        {error && (
          <p id={`${id}-error`} className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <input
          id={id}
          className="input font-mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          inputMode={numeric ? 'numeric' : 'text'}
          {...(numeric ? { pattern: '[0-9]*', maxLength: 6 } : { maxLength: 20 })}
          aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
          aria-invalid={error ? true : undefined}
          required
        />
      </div>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t('mfa.verifying') : submitLabel}
      </button>
    </form>
  );
}

/** The QR code and the base32 key of a new TOTP enrolment. */
export function TotpSetup({ setup }: { setup: TotpSetupView }) {
  const { t } = useTranslation();
  return (
    <div>
      <h2 className="mb-2 text-xl font-bold">{t('mfa.scanTitle')}</h2>
      <p className="mb-4 max-w-2xl">{t('mfa.scanIntro')}</p>
      <img src={setup.qrDataUrl} alt={t('mfa.qrAlt')} width={240} height={240} className="mb-4 border" />
      <p className="label">{t('mfa.secret')}</p>
      <p className="mb-4 font-mono text-lg break-all" data-testid="totp-secret">
        {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
      </p>
      <p className="mb-2">{t('mfa.confirmIntro')}</p>
    </div>
  );
}

/** Recovery codes, shown once (at enrolment and on regeneration). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-title" className="card my-4">
      <h2 id="recovery-title" className="mb-2 text-xl font-bold">
        {t('mfa.recoveryTitle')}
      </h2>
      <p className="mb-4 max-w-2xl">{t('mfa.recoveryIntro')}</p>
      <ul
        aria-label={t('mfa.recoveryListLabel')}
        className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

/** A WebAuthn ceremony with the server's options; a cancelled or failed ceremony becomes a message. */
export async function runWebauthn(kind: 'register' | 'authenticate', options: Record<string, unknown>) {
  try {
    return kind === 'register'
      ? await startRegistration({ optionsJSON: options as unknown as RegistrationOptions })
      : await startAuthentication({ optionsJSON: options as unknown as AuthenticationOptions });
  } catch {
    throw new ApiError({ status: 400, code: 'mfa.webauthn_failed' });
  }
}
