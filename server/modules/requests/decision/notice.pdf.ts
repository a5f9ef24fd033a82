/**
 * The decision notice (法82): 保有個人情報開示決定通知書 (全部開示), 部分開示決定通知書 (法79) or
 * 不開示決定通知書 (不開示, 保有していない, 存否応答拒否 法81), addressed to the requester (their
 * name and address: it is their letter), with the number and date, what is disclosed, what is
 * withheld and on which ground (法78-1 各号), how to choose the method within 30 days (法87-3) and
 * the 教示 of 審査請求 (行政不服審査法: within 3 months of knowing of the decision).
 */
import {
  DECISION_LABELS,
  DISCLOSING_DECISIONS,
  WITHHOLD_GROUND_LABELS,
  type Decision,
  type WithheldItemView,
} from '../../../../shared/api/requests-decision.ts';
import { formatEraDate } from '../../../../shared/vault/era-dates.ts';
import { renderLetter, type LetterBlock } from './letter.pdf.ts';

export const ORGANISATION = '独立行政法人国立高等専門学校機構';

export interface NoticeData {
  number: string;
  decision: Decision;
  reason: string | null;
  receivedOn: string;
  decidedOn: string;
  /** The date of the letter: the notice's day once recorded, else the decision's. */
  datedOn: string;
  requesterName: string;
  requesterAddress: string | null;
  unitName: string;
  /** What the requester asked for (their words; it is their letter). */
  content: string;
  /** Disclosed: per record, its file and the labels of the fields disclosed. */
  disclosed: { fileName: string; fields: string[] }[];
  withheld: WithheldItemView[];
  methodChoiceDays: number;
  methodChoiceUntil: string | null;
}

/** 法第78条第1項第2号 etc. */
export const groundText = (w: Pick<WithheldItemView, 'ground'>) => WITHHOLD_GROUND_LABELS[w.ground].article;

const era = (d: string) => formatEraDate(d);

/** The blocks of the notice, in the order of the customary form (pure: tested through the PDF). */
export function noticeBlocks(n: NoticeData): LetterBlock[] {
  const label = DECISION_LABELS[n.decision];
  const disclosing = DISCLOSING_DECISIONS.includes(n.decision);
  const article = n.decision === 'full' || n.decision === 'partial' ? '第82条第1項' : '第82条第2項';
  const blocks: LetterBlock[] = [
    { kind: 'right', lines: [n.number, era(n.datedOn)] },
    {
      kind: 'left',
      lines: [`${n.requesterName} 様`, ...(n.requesterAddress ? [n.requesterAddress] : [])],
    },
    { kind: 'right', lines: [`${ORGANISATION}`, n.unitName] },
    {
      kind: 'para',
      text: `${era(n.receivedOn)}付けで請求のありました保有個人情報の開示について、個人情報の保護に関する法律${article}の規定に基づき、下記のとおり決定しましたので通知します。`,
    },
    { kind: 'heading', text: '記' },
    {
      kind: 'rows',
      rows: [
        ['開示請求に係る保有個人情報の名称等', n.content],
        ['決定', `${label.ja}（決定日 ${era(n.decidedOn)}）`],
      ],
    },
  ];
  if (disclosing) {
    blocks.push({ kind: 'heading', text: '1 開示する保有個人情報' });
    blocks.push({
      kind: 'grid',
      header: ['個人情報ファイル', '開示する項目'],
      units: [2, 5],
      rows: n.disclosed.map((d) => [d.fileName, d.fields.join('、') || '－']),
      empty: '－',
    });
  }
  if (n.decision === 'partial' || n.decision === 'none') {
    blocks.push({
      kind: 'heading',
      text: n.decision === 'partial' ? '2 不開示とした部分とその理由' : '不開示とした保有個人情報とその理由',
    });
    blocks.push({
      kind: 'grid',
      header: ['個人情報ファイル', '不開示とした部分', '根拠', '理由'],
      units: [2, 2, 2, 4],
      rows: n.withheld.map((w) => [
        w.fileName,
        w.fieldLabel ?? '記録の全部',
        `${groundText(w)}（${WITHHOLD_GROUND_LABELS[w.ground].ja}）`,
        w.reason,
      ]),
      empty: '－',
    });
  }
  if (n.decision === 'not_held')
    blocks.push({
      kind: 'rows',
      rows: [
        [
          '不開示とした理由',
          `請求に係る保有個人情報を保有していないため。${n.reason ? `\n${n.reason}` : ''}`,
        ],
      ],
    });
  if (n.decision === 'refuse_existence')
    blocks.push({
      kind: 'rows',
      rows: [
        [
          '不開示とした理由',
          `請求に係る保有個人情報が存在しているか否かを答えるだけで不開示情報を開示することとなるため、個人情報の保護に関する法律第81条の規定により、その存否を明らかにしないで開示請求を拒否します。\n${n.reason ?? ''}`,
        ],
      ],
    });
  else if (n.reason && n.decision !== 'not_held') blocks.push({ kind: 'rows', rows: [['備考', n.reason]] });
  if (disclosing) {
    blocks.push({ kind: 'heading', text: '開示の実施の方法等（法第87条）' });
    blocks.push({
      kind: 'para',
      text: `開示は、閲覧、写しの交付（用紙）、電磁的記録の交付又は写しの送付の方法により実施します。この通知があった日から${n.methodChoiceDays}日以内に、希望する開示の実施の方法等を申し出てください（法第87条第3項）。${n.methodChoiceUntil ? `申出の期限：${era(n.methodChoiceUntil)}。` : ''}期間内に申し出ることができないことにつき正当な理由があるときは、その理由を添えて申し出てください（同項ただし書）。`,
    });
  }
  blocks.push({ kind: 'heading', text: '教示' });
  blocks.push({
    kind: 'para',
    text: `この決定に不服がある場合は、行政不服審査法（平成26年法律第68号）の規定により、この決定があったことを知った日の翌日から起算して3か月以内に、${ORGANISATION}に対して審査請求をすることができます。また、この決定の取消しを求める訴訟は、行政事件訴訟法（昭和37年法律第139号）の規定により、この決定があったことを知った日から6か月以内に、${ORGANISATION}を被告として提起することができます。`,
  });
  return blocks;
}

/** The notice as a PDF. The same data and generation facts give the same bytes. */
export function renderNotice(n: NoticeData, opts: { generatedAt: string }): Promise<Buffer> {
  const title = DECISION_LABELS[n.decision].noticeTitle;
  return renderLetter({
    title,
    blocks: noticeBlocks(n),
    foot: `${title} ${n.number}`,
    generatedAt: opts.generatedAt,
  });
}
