import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '../../../shared/api/approvals.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { DecisionForm } from './decision-form.tsx';
import { StatusBadge, useKindLabel } from './labels.tsx';
import { PayloadList } from './payload-list.tsx';
import { useApproval } from './queries.ts';
import { RequesterActions } from './requester-actions.tsx';

const OPEN = ['submitted', 'sent_back', 'approved'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-bold">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function Summary({ request: r }: { request: ApprovalView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const kindLabel = useKindLabel();
  const decider = r.decidedByName
    ? `${r.decidedByName}${r.actingFor && r.events ? actingForText(r, t) : ''}`
    : null;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      <Row label={t('approvals.detail.kind')}>
        <span className="font-bold">{kindLabel(r.kind)}</span>
      </Row>
      <Row label={t('approvals.detail.status')}>
        <StatusBadge status={r.status} />
      </Row>
      <Row label={t('approvals.detail.file')}>{r.fileName ?? t('approvals.noFile')}</Row>
      <Row label={t('approvals.detail.section')}>{`${r.unitName} ${r.sectionName}`.trim()}</Row>
      {r.recordIds && (
        <Row label={t('approvals.detail.records')}>
          {t('approvals.detail.recordCount', { count: r.recordIds.length })}
        </Row>
      )}
      <Row label={t('approvals.detail.requester')}>{r.requestedByName}</Row>
      <Row label={t('approvals.detail.requestedAt')}>{dates.dateTime(r.requestedAt)}</Row>
      <Row label={t('approvals.detail.reason')}>
        <span className="whitespace-pre-wrap">{r.reason}</span>
      </Row>
      <Row label={t('approvals.detail.level')}>{t(`approvals.levels.${r.level}`)}</Row>
      {OPEN.includes(r.status) && (
        <Row
          label={
            r.status === 'approved'
              ? t('approvals.detail.expiresApproved')
              : t('approvals.detail.expiresWaiting')
          }
        >
          {dates.dateTime(r.expiresAt)}
        </Row>
      )}
      {decider && <Row label={t('approvals.detail.decidedBy')}>{decider}</Row>}
      {r.decidedAt && <Row label={t('approvals.detail.decidedAt')}>{dates.dateTime(r.decidedAt)}</Row>}
      {r.decisionComment && (
        <Row label={t('approvals.detail.decisionComment')}>
          <span className="whitespace-pre-wrap">{r.decisionComment}</span>
        </Row>
      )}
      {r.doneAt && <Row label={t('approvals.detail.doneAt')}>{dates.dateTime(r.doneAt)}</Row>}
      {r.revision > 1 && <Row label={t('approvals.detail.revision')}>{r.revision}</Row>}
    </dl>
  );
}

/** The name of the manager a deputy decided for, from the decision's event. */
function actingForText(r: ApprovalView, t: (key: string, o?: Record<string, unknown>) => string): string {
  const last = [...(r.events ?? [])].reverse().find((e) => e.actingFor === r.actingFor && e.actingForName);
  return last ? `（${t('approvals.detail.actingFor', { name: last.actingForName })}）` : '';
}

function Timeline({ request }: { request: ApprovalView }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const events = request.events ?? [];
  const action = (a: string) => (i18n.exists(`approvals.events.${a}`) ? t(`approvals.events.${a}`) : a);
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('approvals.detail.timelineCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('approvals.detail.when')}</th>
            <th scope="col">{t('approvals.detail.what')}</th>
            <th scope="col">{t('approvals.detail.who')}</th>
            <th scope="col">{t('approvals.detail.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td className="whitespace-nowrap">{dates.dateTime(e.at)}</td>
              <th scope="row" className="whitespace-nowrap">
                {action(e.action)}
              </th>
              <td className="min-w-36">
                {e.actorName ?? t('approvals.detail.system')}
                {e.actingForName && (
                  <span className="block text-sm text-ink-muted">
                    {t('approvals.detail.actingFor', { name: e.actingForName })}
                  </span>
                )}
              </td>
              <td className="min-w-48 whitespace-pre-wrap">{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /approvals/:id — one request: what is asked, its history, and what the person may do with it. */
export function ApprovalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useApproval(id);
  const number = request.data?.number;
  const title = number ? t('approvals.detail.title', { number }) : t('approvals.detail.crumb');
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('approvals.title'), to: '/approvals' },
        { label: number ?? t('approvals.detail.crumb') },
      ]}
    >
      <QueryState query={request}>
        {(r) => (
          <>
            <RequesterActions request={r} />
            <Section title={t('approvals.detail.summary')}>
              <Summary request={r} />
            </Section>
            <Section title={t('approvals.detail.payload')}>
              <PayloadList payload={r.payload} fileId={r.fileId} kind={r.kind} />
            </Section>
            {r.canDecide && <DecisionForm request={r} />}
            <Section title={t('approvals.detail.timeline')}>
              <Timeline request={r} />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
