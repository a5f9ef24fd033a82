import type { HistoryView } from '../../../../shared/api/requests-history.ts';
import { renderPartsReport, type Part } from '../../../platform/pdf/report.ts';

/**
 * The access history as a document for the requester (issue 12; A22-1, A22-2): who (by role and
 * section, never by name), when, for what purpose and what was done, with the leaf number of each
 * entry; the signed checkpoint (tree size, root hash) the proofs lead to; and how to verify it
 * independently, in Japanese and English. Held data is not in it: only the log's words and numbers.
 */
export const HISTORY_TITLE = 'アクセス履歴';

function jaDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 9 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
}

export function historyParts(v: HistoryView): Part[] {
  const file = `access-history-${v.number}.json`;
  return [
    {
      heading: '対象 / Subject',
      rows: [
        ['請求番号 / Request', v.number],
        ['作成日時 / Made', jaDateTime(v.generatedAt)],
        [
          '対象の記録 / Records',
          v.files.map((f) => `${f.fileName}（${f.records}件 / ${f.records} records）`).join('\n'),
        ],
        [
          'アクセスの件数 / Accesses',
          `${v.counts.entries}件（うち本請求への対応 ${v.counts.forThisRequest}件）`,
        ],
      ],
    },
    {
      heading: 'アクセスの記録 / Accesses (newest first)',
      header: ['番号', '日時', '誰が（職・所属）', '目的', '操作', '葉番号'],
      units: [0.5, 1.7, 3.2, 3.2, 2, 0.9],
      grid: v.rows.map((r, i) => [
        String(i + 1),
        jaDateTime(r.occurredAt),
        r.who,
        r.purpose ?? '－',
        [r.action, r.fileName, r.forThisRequest ? '（本請求への対応）' : null].filter(Boolean).join('\n'),
        String(r.leafIndex),
      ]),
      empty: 'この記録へのアクセスはありません。/ No access to these records.',
    },
    {
      heading: '署名済みチェックポイント / Signed checkpoint',
      rows: [
        ['木の大きさ / Tree size', String(v.checkpoint.treeSize)],
        ['ルートハッシュ / Root hash', v.checkpoint.rootHash],
        ['署名日時 / Signed', jaDateTime(v.checkpoint.signedAt)],
        ['検証鍵 / Verifier key', v.checkpoint.verifierKey],
      ],
    },
    {
      heading: '改ざんされていないことの確かめ方 / How to verify',
      rows: [
        [
          '1',
          `この履歴の電子データ（${file}）を受け取ってください。/ Obtain the electronic bundle (${file}).`,
        ],
        [
          '2',
          '検証鍵を /log/key で、公開されたチェックポイントを /log/checkpoint で確認してください。/ ' +
            'Get the verifier key at /log/key and the published checkpoint at /log/checkpoint.',
        ],
        [
          '3',
          `npx mamori log verify-history ${file} --key <検証鍵 / key> --checkpoint <checkpoint ファイル / file>\n` +
            '各記録が署名済みチェックポイントに含まれ、日時・目的・操作が記録どおりであることを確かめます。' +
            '/ It checks that every entry is in the signed checkpoint and that its time, purpose and action are as logged.',
        ],
        [
          '4',
          '上の木の大きさとルートハッシュが公開されたものと一致することを確かめてください（大きさが異なるときは ' +
            '`npx mamori log consistency` の一貫性の証明で確かめられます）。/ Compare the tree size and root hash ' +
            'above with the published checkpoint (of another size: check a consistency proof).',
        ],
        [
          '注 / Note',
          '職・所属は現在の任命によるもので、記録の葉には含まれません。氏名は記載していません。/ ' +
            'Roles and sections are as appointed now and are not in the leaves; no names are given.',
        ],
      ],
    },
  ];
}

/** The document as a PDF; the foot names the request and when it was made (no person's name). */
export const renderHistoryPdf = (v: HistoryView): Promise<Buffer> =>
  renderPartsReport({
    title: HISTORY_TITLE,
    number: v.number,
    parts: historyParts(v),
    foot: `${HISTORY_TITLE} ${v.number}\u3000作成 ${jaDateTime(v.generatedAt)}`,
    generatedAt: v.generatedAt,
  });
