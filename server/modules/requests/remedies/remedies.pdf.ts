import type { RemedyDecision, RemedyView } from '../../../../shared/api/requests-remedies.ts';
import { formatEraDate } from '../../../../shared/vault/era-dates.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { renderLetter, type LetterBlock } from '../decision/letter.pdf.ts';
import { ORGANISATION } from '../decision/notice.pdf.ts';
import type { RemediesBase } from './remedies.base.ts';
import { DECISION_LABELS } from './remedies.steps.ts';

/** 法93 (訂正決定等の通知) and 法101 (利用停止決定等の通知): the letter's title per decision. */
const TITLES: Record<RemedyDecision, string> = {
  correct: '保有個人情報の訂正決定通知書',
  partial_correct: '保有個人情報の訂正決定通知書（一部訂正）',
  not_correct: '保有個人情報の不訂正決定通知書',
  suspend: '保有個人情報の利用停止決定通知書',
  partial_suspend: '保有個人情報の利用停止決定通知書（一部利用停止）',
  not_suspend: '保有個人情報の利用不停止決定通知書',
};

export interface RemedyNoticeData {
  number: string;
  kind: 'correction' | 'suspension';
  decision: RemedyDecision;
  reason: string | null;
  receivedOn: string;
  decidedOn: string;
  requesterName: string;
  requesterAddress: string | null;
  unitName: string;
  content: string;
  items: RemedyView['items'];
}

const era = (d: string) => formatEraDate(d);

/** The blocks of the notice (pure). Field labels and purposes only: no record value is printed. */
export function remedyBlocks(n: RemedyNoticeData): LetterBlock[] {
  const correction = n.kind === 'correction';
  const article = correction ? '第93条' : '第101条';
  const what = correction ? '訂正' : '利用停止';
  return [
    { kind: 'right', lines: [n.number, era(n.decidedOn)] },
    { kind: 'left', lines: [`${n.requesterName} 様`, ...(n.requesterAddress ? [n.requesterAddress] : [])] },
    { kind: 'right', lines: [ORGANISATION, n.unitName] },
    {
      kind: 'para',
      text: `${era(n.receivedOn)}付けで請求のありました保有個人情報の${what}について、個人情報の保護に関する法律${article}の規定に基づき、下記のとおり決定しましたので通知します。`,
    },
    { kind: 'heading', text: '記' },
    {
      kind: 'rows',
      rows: [
        [`${what}請求に係る保有個人情報の名称等`, n.content],
        ['決定', `${DECISION_LABELS[n.decision]}（決定日 ${era(n.decidedOn)}）`],
        ...(n.reason ? [['理由', n.reason] as [string, string]] : []),
      ],
    },
    {
      kind: 'grid',
      header: correction
        ? ['個人情報ファイル', '訂正を求められた項目', '決定', '理由']
        : ['個人情報ファイル', '利用停止を求められた利用目的', '決定', '理由'],
      units: [2, 3, 1, 3],
      rows: n.items.map((i) => [
        i.fileName,
        (correction ? i.fields.map((f) => f.label) : i.purposes.map((p) => p.label)).join('、'),
        i.outcome === 'accepted'
          ? correction
            ? '訂正する'
            : '停止する'
          : correction
            ? '訂正しない'
            : '停止しない',
        i.outcomeReason ?? '',
      ]),
      empty: '－',
    },
    ...(correction && n.items.some((i) => i.outcome === 'accepted')
      ? [
          {
            kind: 'para' as const,
            text: '訂正の実施に伴い、当該保有個人情報の提供先に対し、必要に応じて訂正の内容を通知します（法第97条）。',
          },
        ]
      : []),
    { kind: 'heading', text: '教示' },
    {
      kind: 'para',
      text: `この決定に不服がある場合は、行政不服審査法（平成26年法律第68号）の規定により、この決定があったことを知った日の翌日から起算して3か月以内に、${ORGANISATION}に対して審査請求をすることができます。また、この決定の取消しを求める訴訟は、行政事件訴訟法（昭和37年法律第139号）の規定により、この決定があったことを知った日から6か月以内に、${ORGANISATION}を被告として提起することができます。`,
    },
  ];
}

/** The notice of the decision (readers of the request, once decided); each download is an audit event. */
export function createRemediesPdf(b: RemediesBase, view: (ctx: Ctx, id: string) => Promise<RemedyView>) {
  const { core, deps } = b;
  return async function notice(ctx: Ctx, id: string): Promise<{ filename: string; body: Buffer }> {
    const row = await b.remedy(ctx, id, 'read');
    if (!row.decided_on || !row.decision) throw new AppError('requests.remedy_not_decided');
    const v = await view(ctx, id);
    const requester = core.requester(row);
    const decision = row.decision as RemedyDecision;
    const title = TITLES[decision];
    const body = await renderLetter({
      title,
      blocks: remedyBlocks({
        number: row.number,
        kind: row.kind as 'correction' | 'suspension',
        decision,
        reason: v.decisionReason,
        receivedOn: row.received_on,
        decidedOn: row.decided_on,
        requesterName: requester.name,
        requesterAddress: requester.address,
        unitName: (await deps.names()).units.get(row.unit_id) ?? '',
        content: core.content(row),
        items: v.items,
      }),
      foot: `${title} ${row.number}`,
      generatedAt: deps.clock.now().toISOString(),
    });
    await deps.database.transaction((tx) =>
      core.audit(tx, ctx, row, 'requests.remedy_notice_printed', { decision }),
    );
    return { filename: `remedy-notice-${row.number}.pdf`, body };
  };
}
