import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../shared/api/approvals.ts';
import { errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Section } from '../../ui/page.tsx';
import { useNotify } from './labels.tsx';
import { useDecide } from './queries.ts';

type Decision = 'approve' | 'deny' | 'send_back';

const NOTICES: Record<Decision, string> = {
  approve: 'approvals.decide.approved',
  send_back: 'approvals.decide.sentBack',
  deny: 'approvals.decide.denied',
};

/**
 * The decider's form (A12 「保護管理者の指示に従い」): approve, send back or deny. Sending back and
 * denying need a comment, so the requester learns why; denying is confirmed first. The revision
 * read is sent, so a request resubmitted meanwhile is not decided unseen (approval.stale).
 */
export function DecisionForm({ request }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { roles } = useSignedIn();
  const decide = useDecide(request.id);
  const notify = useNotify();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const deputy = !roles.some((r) => r.role === request.level);

  const send = (decision: Decision) => {
    decide.mutate(
      { decision, comment: comment.trim(), revision: request.revision },
      {
        onSuccess: () => {
          setComment('');
          setConfirming(false);
          notify(NOTICES[decision]);
        },
        onError: () => setConfirming(false),
      },
    );
  };
  const needsComment = () => {
    if (comment.trim()) return false;
    setMissing(true);
    document.getElementById('decision-comment')?.focus();
    return true;
  };

  return (
    <Section title={t('approvals.decide.title')} id="decision">
      <p className="mb-4 max-w-3xl">{t('approvals.decide.lead')}</p>
      {deputy && <Alert tone="info" title={t('approvals.decide.deputyNote')} />}
      <LiveRegion assertive>
        {decide.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(decide.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <form noValidate onSubmit={(e) => e.preventDefault()} className="max-w-3xl">
        <div className="mb-1 flex flex-wrap items-center gap-2">
          <label htmlFor="decision-comment" className="label">
            {t('approvals.decide.comment')}
          </label>
          <span className="badge border-line text-ink-muted">{t('common.optional')}</span>
        </div>
        <p id="decision-comment-help" className="mb-1 text-sm text-ink-muted">
          {t('approvals.decide.commentHelp')}
        </p>
        {missing && (
          <p id="decision-comment-error" className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('approvals.decide.commentRequired')}
          </p>
        )}
        <textarea
          id="decision-comment"
          className="input mb-6 min-h-32"
          value={comment}
          maxLength={2000}
          aria-invalid={missing || undefined}
          aria-describedby={
            missing ? 'decision-comment-help decision-comment-error' : 'decision-comment-help'
          }
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        <div className="flex flex-wrap gap-4">
          <button
            type="button"
            className="btn-primary"
            disabled={decide.isPending}
            onClick={() => send('approve')}
          >
            {t('approvals.decide.approve')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={decide.isPending}
            onClick={() => !needsComment() && send('send_back')}
          >
            {t('approvals.decide.sendBack')}
          </button>
          <button
            type="button"
            className="btn-danger"
            disabled={decide.isPending}
            onClick={() => !needsComment() && setConfirming(true)}
          >
            {t('approvals.decide.deny')}
          </button>
        </div>
      </form>
      <Dialog
        open={confirming}
        title={t('approvals.decide.confirmDenyTitle')}
        onClose={() => setConfirming(false)}
      >
        <p className="mb-6">{t('approvals.decide.confirmDeny', { number: request.number })}</p>
        <div className="flex flex-wrap gap-4">
          <button
            type="button"
            className="btn-danger"
            disabled={decide.isPending}
            onClick={() => send('deny')}
          >
            {t('approvals.decide.confirmDenyButton')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </Section>
  );
}
