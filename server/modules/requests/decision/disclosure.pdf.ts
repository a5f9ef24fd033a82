/**
 * The document of 開示の実施 (法87): the disclosed information itself — each confirmed record's
 * fields and values, every withheld item shown in its place as 「不開示（法第78条第1項第2号）」 etc.
 * (法79: the rest is disclosed), a record withheld whole as one line with its ground, and My Number
 * fields as withheld by law (番号法). It is the requester's copy: no internal mark.
 */
import { DECISION_LABELS, type Decision } from '../../../../shared/api/requests-decision.ts';
import { formatEraDate } from '../../../../shared/vault/era-dates.ts';
import { renderLetter, type LetterBlock } from './letter.pdf.ts';
import { ORGANISATION } from './notice.pdf.ts';

export const DISCLOSURE_TITLE = '保有個人情報の開示';
export const MY_NUMBER_WITHHELD = '不開示（番号法）';
export const withheldText = (article: string) => `不開示（${article}）`;

export interface DisclosureData {
  number: string;
  decision: Decision;
  decidedOn: string;
  requesterName: string;
  unitName: string;
  records: {
    fileName: string;
    /** The article when the whole record is withheld (its fields are then not listed). */
    wholeWithheld: string | null;
    fields: { label: string; text: string }[];
  }[];
}

export function disclosureBlocks(d: DisclosureData): LetterBlock[] {
  const blocks: LetterBlock[] = [
    {
      kind: 'right',
      lines: [d.number, `${DECISION_LABELS[d.decision].ja}（決定日 ${formatEraDate(d.decidedOn)}）`],
    },
    { kind: 'left', lines: [`${d.requesterName} 様`] },
    { kind: 'right', lines: [ORGANISATION, d.unitName] },
    {
      kind: 'para',
      text: '個人情報の保護に関する法律第87条の規定に基づき、開示の決定をした保有個人情報を次のとおり開示します。不開示とした部分は、その根拠を示して表示しています。',
    },
  ];
  d.records.forEach((r, i) => {
    blocks.push({ kind: 'heading', text: `${i + 1} ${r.fileName}` });
    if (r.wholeWithheld) blocks.push({ kind: 'rows', rows: [['この記録', withheldText(r.wholeWithheld)]] });
    else
      blocks.push({
        kind: 'rows',
        rows: r.fields.map((f) => [f.label, f.text || '（記録なし）'] as [string, string]),
      });
  });
  return blocks;
}

/** The disclosed information as a PDF. The same data and generation facts give the same bytes. */
export function renderDisclosure(d: DisclosureData, opts: { generatedAt: string }): Promise<Buffer> {
  return renderLetter({
    title: DISCLOSURE_TITLE,
    blocks: disclosureBlocks(d),
    foot: `${DISCLOSURE_TITLE} ${d.number}`,
    generatedAt: opts.generatedAt,
  });
}
