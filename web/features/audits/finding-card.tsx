import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../shared/api/audits.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { NoteForm } from '../../ui/note-form.tsx';
import { Badge } from '../../ui/badge.tsx';
import { FindingStatusBadge, SeverityBadge } from './labels.tsx';
import { useConfirmFinding, useFindingProgress } from './queries.ts';

/** 進捗・完了 (A36): the owner (or the 監査責任者) records progress, or completion with what was done. */
function ProgressForm({ finding, done }: { finding: FindingView; done: boolean }) {
  const { t } = useTranslation();
  const change = useFindingProgress(finding.auditId, finding.id);
  return (
    <NoteForm
      label={done ? t('audits.findings.doneNote') : t('audits.findings.progressNote')}
      submitLabel={done ? t('audits.findings.markDone') : t('audits.findings.addProgress')}
      pending={change.isPending}
      serverError={change.error}
      onSubmit={(note) => change.mutateAsync({ done, note })}
      secondary={!done}
      clearAfter
    />
  );
}

function ConfirmButton({ finding }: { finding: FindingView }) {
  const { t } = useTranslation();
  const confirm = useConfirmFinding(finding.auditId, finding.id);
  return (
    <div className="mt-3">
      <FormErrors errors={{}} serverError={confirm.error} />
      <button
        type="button"
        className="btn-primary btn-sm"
        disabled={confirm.isPending}
        onClick={() => confirm.mutate()}
      >
        {t('audits.findings.confirm')}
      </button>
    </div>
  );
}

/**
 * One finding with its corrective action, owner, due day, progress and completion (A36). `withAudit`
 * names the audit it belongs to (the owner's list of actions).
 */
export function FindingCard({ finding, withAudit = false }: { finding: FindingView; withAudit?: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const [form, setForm] = useState<'progress' | 'done' | null>(null);
  const open = finding.status === 'open';
  return (
    <li className="card py-4">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <FindingStatusBadge status={finding.status} />
        {finding.overdue && open && <Badge tone="bad">{t('audits.findings.overdue')}</Badge>}
        {finding.featureId && <span className="font-mono text-sm">{finding.featureId}</span>}
        {withAudit && (
          <Link to={`/audits/${finding.auditId}/findings/${finding.id}`} className="ml-auto text-sm">
            {`${finding.auditNumber} ${finding.auditTitle}`}
          </Link>
        )}
      </div>
      <p className="mt-2 whitespace-pre-wrap font-bold">{finding.description}</p>
      <p className="mt-1 whitespace-pre-wrap">
        <span className="font-bold">{t('audits.findings.action')}：</span>
        {finding.action}
      </p>
      <p className="mt-1 text-sm">
        {t('audits.findings.ownerDue', { name: finding.ownerName ?? '', date: dates.date(finding.due) })}
      </p>
      {finding.progress.length > 0 && (
        <div className="mt-3">
          <h4 className="font-bold">{t('audits.findings.progress')}</h4>
          <ul className="mt-1 grid gap-1 text-sm">
            {finding.progress.map((p, i) => (
              <li key={`${p.at}-${i}`}>
                <span className="text-ink-muted">
                  {t('audits.findings.progressBy', { date: dates.dateTime(p.at), name: p.byName ?? '' })}
                </span>
                <span className="block whitespace-pre-wrap">{p.note}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.doneAt && (
        <p className="mt-2 text-sm">
          {t('audits.findings.doneAt', { date: dates.dateTime(finding.doneAt) })}
        </p>
      )}
      {finding.confirmedAt && (
        <p className="mt-1 text-sm">
          {t('audits.findings.confirmedAt', { date: dates.dateTime(finding.confirmedAt) })}
        </p>
      )}
      {open && finding.can.progress && (
        <div className="mt-3 flex flex-wrap gap-3">
          <button
            type="button"
            className="btn-secondary btn-sm"
            aria-expanded={form === 'progress'}
            onClick={() => setForm(form === 'progress' ? null : 'progress')}
          >
            {t('audits.findings.addProgress')}
          </button>
          <button
            type="button"
            className="btn-secondary btn-sm"
            aria-expanded={form === 'done'}
            onClick={() => setForm(form === 'done' ? null : 'done')}
          >
            {t('audits.findings.markDone')}
          </button>
        </div>
      )}
      {open && finding.can.progress && form && (
        <ProgressForm key={form} finding={finding} done={form === 'done'} />
      )}
      {!open && !finding.confirmedAt && finding.can.confirm && <ConfirmButton finding={finding} />}
    </li>
  );
}
