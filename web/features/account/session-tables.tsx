import { useTranslation } from 'react-i18next';
import type { SignInRecord } from '../../../shared/api/identity.ts';
import { useDates } from '../../app/preferences.tsx';

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current?: boolean;
}

/**
 * Active sessions with 「終了」 for each (A31): one's own on 「ログイン履歴とセッション」, another
 * person's on the account page of the システム管理者.
 */
export function SessionsTable(props: {
  sessions: SessionRow[];
  caption: string;
  endText: string;
  endLabel: (when: string) => string;
  ending: boolean;
  onEnd: (id: string) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.startedAt')}</th>
            <th scope="col">{t('account.lastSeenAt')}</th>
            <th scope="col">{t('account.ip')}</th>
            <th scope="col">{t('account.browser')}</th>
            <th scope="col">
              <span className="sr-only">{props.endText}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {dates.dateTime(s.createdAt)}
                {s.current && <strong className="ml-2">（{t('account.current')}）</strong>}
              </td>
              <td>{dates.dateTime(s.lastSeenAt)}</td>
              <td className="font-mono">{s.ip ?? t('account.unknown')}</td>
              <td>{s.userAgent ?? t('account.unknown')}</td>
              <td>
                <button
                  type="button"
                  className="btn-secondary btn-sm"
                  disabled={props.ending}
                  aria-label={props.endLabel(dates.dateTime(s.createdAt))}
                  onClick={() => props.onEnd(s.id)}
                >
                  {props.endText}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Recent sign-in attempts: when, from where, and whether they succeeded, failed or met a lock (A21). */
export function SignInsTable({ records, caption }: { records: SignInRecord[]; caption: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.at')}</th>
            <th scope="col">{t('account.ip')}</th>
            <th scope="col">{t('account.result')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={`${r.at}-${i}`}>
              <td>{dates.dateTime(r.at)}</td>
              <td className="font-mono">{r.ip ?? t('account.unknown')}</td>
              <td>{t(`account.${r.result}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
