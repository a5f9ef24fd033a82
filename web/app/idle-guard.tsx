import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, lastApiActivity, onApiActivity } from './api.ts';
import { replaceSession, useSignedIn } from './session.ts';
import { Dialog } from '../ui/dialog.tsx';

/** How long before the idle limit the warning appears (A31). */
export const WARN_BEFORE_MS = 60_000;

/**
 * A31 in the browser: a minute before the server would end an unused session, a dialog offers to
 * continue (a keep-alive request); when the time is up the app signs out and says why. "Unused"
 * means no API call, as the server sees it. The absolute end (expiresAt) counts too.
 */
export function IdleGuard() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => Date.now());
  const [activity, setActivity] = useState(() => lastApiActivity());
  const [pending, setPending] = useState(false);

  useEffect(() => onApiActivity(() => setActivity(lastApiActivity())), []);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const deadline = Math.min(activity + session.idleTimeoutSeconds * 1000, Date.parse(session.expiresAt));
  const remaining = deadline - now;
  const expired = remaining <= 0;

  useEffect(() => {
    if (!expired) return;
    void (async () => {
      try {
        await api<void>('/api/auth/logout', { method: 'POST' });
      } catch {
        // the server has most likely ended the session already
      }
      await navigate('/login?signedOut=idle', { replace: true });
      replaceSession(client, null);
    })();
  }, [expired, client, navigate]);

  const keepAlive = async () => {
    setPending(true);
    try {
      await api<void>('/api/session/keepalive', { method: 'POST' });
    } catch {
      // a 401 signs the app out through the unauthorised handler
    } finally {
      setPending(false);
    }
  };

  const open = !expired && remaining <= WARN_BEFORE_MS;
  // The native dialog reports every close, also ours when the warning goes away: only a close by the
  // person (Escape, 閉じる) while the warning shows means "continue".
  const openRef = useRef(open);
  openRef.current = open;
  return (
    <Dialog
      open={open}
      title={t('idle.title')}
      onClose={() => {
        if (openRef.current) void keepAlive();
      }}
    >
      <p>{t('idle.body')}</p>
      <p className="mt-2">{t('idle.remaining', { seconds: Math.max(0, Math.ceil(remaining / 1000)) })}</p>
      <div className="mt-6 flex gap-4">
        <button type="button" className="btn-primary" disabled={pending} onClick={() => void keepAlive()}>
          {t('idle.continue')}
        </button>
      </div>
    </Dialog>
  );
}
