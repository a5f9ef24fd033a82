import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FileView } from '../../../shared/api/register.ts';
import { errorMessage } from '../../app/api.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { useStep, useWithReason, type StepAction } from './queries.ts';

type Action = FileView['actions'][number];
type Open =
  | { kind: 'confirm'; action: 'submit' | 'accept' | 'approve_my_number' }
  | { kind: 'reason'; action: 'return' | 'discontinue' };

const STEP: Record<'submit' | 'accept' | 'approve_my_number', StepAction> = {
  submit: 'submit',
  accept: 'accept',
  approve_my_number: 'approve-my-number',
};

/** The error of a refused step, in the dialog that asked for it. */
function DialogError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (!error) return null;
  return (
    <div role="alert" className="mb-4">
      <Alert tone="error" title={t('common.errorTitle')}>
        <p>{errorMessage(error, locale)}</p>
      </Alert>
    </div>
  );
}

/**
 * What the signed-in person may do with the file now (the server lists them): edit, submit (A20-1),
 * accept or return (A20-2), amend (A20-3), discontinue (A20-4), approve My Numbers (A20-5). Steps that
 * change the register ask first; returning and discontinuing ask for the reason.
 */
export function FileActions({ file }: { file: FileView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const step = useStep();
  const withReason = useWithReason();
  const [open, setOpen] = useState<Open | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const done = (action: Action) => {
    setOpen(null);
    setReason('');
    void navigate('.', { replace: true, state: { notice: `fileRegister.done.${action}` } });
  };
  const close = () => {
    setOpen(null);
    step.reset();
    withReason.reset();
  };
  const has = (a: Action) => file.actions.includes(a);
  const button = (a: Action, danger = false) =>
    has(a) && (
      <button
        type="button"
        className={danger ? 'btn-danger' : a === 'accept' || a === 'submit' ? 'btn-primary' : 'btn-secondary'}
        onClick={() =>
          setOpen(
            a === 'return' || a === 'discontinue'
              ? { kind: 'reason', action: a }
              : { kind: 'confirm', action: a as 'submit' | 'accept' | 'approve_my_number' },
          )
        }
      >
        {t(`fileRegister.actions.${a}`)}
      </button>
    );
  if (file.actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-3">
      {has('edit') && (
        <Link to={`/register-admin/files/${file.id}/edit`} className="btn-secondary">
          {t('fileRegister.actions.edit')}
        </Link>
      )}
      {has('amend') && (
        <Link to={`/register-admin/files/${file.id}/edit`} className="btn-secondary">
          {t('fileRegister.actions.amend')}
        </Link>
      )}
      {button('submit')}
      {button('accept')}
      {button('return')}
      {button('approve_my_number')}
      {button('discontinue', true)}
      <Dialog
        open={open?.kind === 'confirm'}
        title={open ? t(`fileRegister.actions.${open.action}`) : ''}
        onClose={close}
      >
        {open?.kind === 'confirm' && (
          <>
            <DialogError error={step.error} />
            <p className="mb-6">{t(`fileRegister.confirm.${open.action}`)}</p>
            <button
              type="button"
              className="btn-primary"
              disabled={step.isPending}
              onClick={() =>
                step.mutate(
                  { id: file.id, action: STEP[open.action] },
                  { onSuccess: () => done(open.action) },
                )
              }
            >
              {t('fileRegister.confirm.proceed')}
            </button>
          </>
        )}
      </Dialog>
      <Dialog
        open={open?.kind === 'reason'}
        title={open?.kind === 'reason' ? t(`fileRegister.reason.${open.action}Title`) : ''}
        onClose={close}
      >
        {open?.kind === 'reason' && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setReasonMissing(true);
              withReason.mutate(
                { id: file.id, action: open.action, reason: reason.trim() },
                { onSuccess: () => done(open.action) },
              );
            }}
          >
            <DialogError error={withReason.error} />
            <label htmlFor="reason" className="label mb-1">
              {t('fileRegister.reason.label')}
            </label>
            <p id="reason-help" className="mb-1 text-sm text-ink-muted">
              {t(`fileRegister.reason.${open.action}Help`)}
            </p>
            {reasonMissing && (
              <p id="reason-error" className="mb-1 font-bold text-error">
                <span aria-hidden="true">⚠ </span>
                {t('validation.required')}
              </p>
            )}
            <textarea
              id="reason"
              className="input mb-6 min-h-32"
              value={reason}
              aria-required
              aria-invalid={reasonMissing || undefined}
              aria-describedby={reasonMissing ? 'reason-help reason-error' : 'reason-help'}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonMissing(false);
              }}
            />
            <button
              type="submit"
              className={open.action === 'discontinue' ? 'btn-danger' : 'btn-primary'}
              disabled={withReason.isPending}
            >
              {t(`fileRegister.actions.${open.action}`)}
            </button>
          </form>
        )}
      </Dialog>
    </div>
  );
}
