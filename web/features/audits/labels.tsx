import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus, FindingSeverity, FindingStatus, ItemAnswer } from '../../../shared/api/audits.ts';
import { SavedNotice } from '../../ui/alert.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { Badge, type Tone } from '../../ui/badge.tsx';

/** Small pieces of the audit pages (issue 10; A36): states in words (never colour alone). */

const STATUS_TONE: Record<AuditStatus, Tone> = {
  planned: 'info',
  in_progress: 'warn',
  reported: 'good',
  closed: 'plain',
};
export function StatusBadge({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`audits.statuses.${status}`)}</Badge>;
}

const ANSWER_TONE: Record<ItemAnswer, Tone> = {
  conforms: 'good',
  partly: 'warn',
  does_not: 'bad',
  not_applicable: 'plain',
};
export function AnswerBadge({ answer }: { answer: ItemAnswer | null }) {
  const { t } = useTranslation();
  if (!answer) return <Badge tone="info">{t('audits.unanswered')}</Badge>;
  return <Badge tone={ANSWER_TONE[answer]}>{t(`audits.answers.${answer}`)}</Badge>;
}

const SEVERITY_TONE: Record<FindingSeverity, Tone> = { high: 'bad', medium: 'warn', low: 'plain' };
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge tone={SEVERITY_TONE[severity]}>
      {t('audits.severityLabel', { severity: t(`audits.severities.${severity}`) })}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'done' ? 'good' : 'info'}>{t(`audits.findingStatuses.${status}`)}</Badge>;
}

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('audits.saved')} />;
}

/** Article numbers as the rule writes them: 第3条・第4条…, runs joined: 第3–19条・第21–35条. */
export function articleRuns(articles: readonly number[], en: boolean): string {
  const sorted = [...new Set(articles)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const a of sorted) {
    const last = runs[runs.length - 1];
    if (last && a === last[1] + 1) last[1] = a;
    else runs.push([a, a]);
  }
  const one = ([from, to]: [number, number]) =>
    en
      ? from === to
        ? `Art. ${from}`
        : `Art. ${from}–${to}`
      : from === to
        ? `第${from}条`
        : `第${from}–${to}条`;
  return runs.map(one).join(en ? ', ' : '・');
}

/** A term and its description, with the narrower term column of the audit pages. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <TermItem narrow term={term}>
      {children}
    </TermItem>
  );
}
