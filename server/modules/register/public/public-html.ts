/**
 * The public register's pages (A20-2, 法75: published on the internet), rendered on the server as
 * plain HTML: they work without JavaScript (the page carries none), print cleanly, and are written
 * for JIS X 8341-3 AA (headings, labels, table headers, a skip link, visible focus, contrast).
 * Every value is escaped; nothing here reads or knows anything internal.
 */
import type { PublicEntryView } from '../../../../shared/api/register.ts';
import { PUBLISHED_FIELDS, type PublishedFieldKey } from '../../../../shared/register-fields.ts';
import type { PublicQuery } from './public-search.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The value of a published field as the 単票 shows it (法60②: 第1号 電算処理 / 第2号 マニュアル処理). */
export function fieldText(e: PublicEntryView, key: PublishedFieldKey): string | string[] {
  const v = e[key];
  switch (key) {
    case 'recordItems':
      return e.recordItems;
    case 'sensitive':
      return e.sensitive ? '要配慮個人情報が含まれる' : '－';
    case 'kind':
      return e.kind === 'computer'
        ? '法第60条第2項第1号（電算処理ファイル）'
        : '法第60条第2項第2号（マニュアル処理ファイル）';
    case 'rei20Para7':
      return e.rei20Para7 ? '有' : '無';
    case 'anonProposalsInvited':
      return e.anonProposalsInvited ? '該当' : '非該当';
    default:
      return typeof v === 'string' && v.trim() !== '' ? v : '－';
  }
}

/** The register's footer: the way to the requests page, the accessibility policy, and 法75. */
const REGISTER_FOOT = `<p><a href="/register/requests">開示・訂正・利用停止の請求の手続</a> · <a href="/register/accessibility">ウェブアクセシビリティ方針</a></p>
<p>個人情報の保護に関する法律第75条に基づき公表しています。</p>`;

/**
 * A public page around `main`: the head, the skip link, the site header and a footer (`foot`, the
 * register's by default; the requests page /register/requests gives its own).
 */
export function layout(title: string, main: string, foot = REGISTER_FOOT): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | 独立行政法人国立高等専門学校機構</title>
<link rel="stylesheet" href="/register/register.css">
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="site"><p class="org">独立行政法人国立高等専門学校機構</p><p class="site-name"><a href="/register">個人情報ファイル簿</a></p></header>
<main id="main">
${main}
</main>
<footer class="site">${foot}</footer>
</body>
</html>
`;
}

const KIND_OPTIONS: [string, string][] = [
  ['', 'すべて'],
  ['computer', '電算処理ファイル'],
  ['manual', 'マニュアル処理ファイル'],
];

/** /register: the list, searchable as e-Gov's register is (free text, 名称, 担当部署, 利用目的, 記録項目, 種別, 学校等). */
export function listPage(input: {
  query: PublicQuery;
  units: { id: string; name: string }[];
  entries: PublicEntryView[];
  total: number;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
}): string {
  const { query: q } = input;
  const text = (name: keyof PublicQuery, label: string) =>
    `<div class="field"><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="search" value="${esc(String(q[name] ?? ''))}"></div>`;
  const select = (name: 'kind' | 'unit', label: string, options: [string, string][]) =>
    `<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${options
      .map(
        ([v, l]) => `<option value="${esc(v)}"${(q[name] ?? '') === v ? ' selected' : ''}>${esc(l)}</option>`,
      )
      .join('')}</select></div>`;
  const rows = input.entries
    .map(
      (e) =>
        `<tr><th scope="row"><a href="/register/files/${esc(e.id)}">${esc(e.name)}</a></th><td>${esc(e.unitName)}</td><td>${esc(e.department)}</td><td>${e.kind === 'computer' ? '電算処理' : 'マニュアル処理'}</td></tr>`,
    )
    .join('\n');
  const nav =
    input.pages > 1
      ? `<nav class="pages" aria-label="ページ"><ul>${Array.from({ length: input.pages }, (_, i) => i + 1)
          .map((p) =>
            p === input.page
              ? `<li><a aria-current="page" href="${esc(input.pageHref(p))}">${p}</a></li>`
              : `<li><a href="${esc(input.pageHref(p))}">${p}</a></li>`,
          )
          .join('')}</ul></nav>`
      : '';
  return layout(
    '個人情報ファイル簿',
    `<h1>個人情報ファイル簿</h1>
<p>独立行政法人国立高等専門学校機構（本部事務局及び各国立高等専門学校）が保有する個人情報ファイルの名称、利用目的、記録項目等を掲載しています（個人情報の保護に関する法律第75条）。</p>
<form class="search" method="get" action="/register" role="search" aria-label="個人情報ファイルの検索">
${text('q', 'フリーワード')}
${text('name', '個人情報ファイルの名称')}
${text('department', '担当部署')}
${text('purpose', '利用目的')}
${text('items', '記録項目')}
${select('kind', '種別', KIND_OPTIONS)}
${select('unit', '学校等', [['', 'すべて'], ...input.units.map((u): [string, string] => [u.id, u.name])])}
<div class="actions"><button type="submit">検索</button> <a href="/register">条件をクリア</a></div>
</form>
<p class="downloads">一覧をダウンロード: <a href="/register/files.csv">CSV（UTF-8）</a> ／ <a href="/register/files.csv?encoding=cp932">CSV（Shift_JIS）</a> ／ <a href="/register/files.xlsx">Excel</a> ／ <a href="/register/files.json">JSON</a></p>
<h2 id="results">検索結果</h2>
<p role="status">${input.total.toLocaleString('ja-JP')}件${input.pages > 1 ? `（${input.page}／${input.pages}ページ）` : ''}</p>
${
  input.entries.length
    ? `<table class="list"><caption>個人情報ファイルの一覧</caption>
<thead><tr><th scope="col">個人情報ファイルの名称</th><th scope="col">学校等</th><th scope="col">担当部署</th><th scope="col">種別</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    : '<p>条件に合う個人情報ファイルはありません。</p>'
}
${nav}`,
  );
}

/** /register/files/:id: one entry as a 単票, the 19 fields of 別紙様式1 in order. */
export function entryPage(e: PublicEntryView): string {
  const rows = PUBLISHED_FIELDS.map((f, i) => {
    const v = fieldText(e, f.key);
    const value = Array.isArray(v) ? `<ol>${v.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>` : esc(v);
    return `<tr><th scope="row"><span class="no">${i + 1}</span>${esc(f.ja)}</th><td>${value}</td></tr>`;
  }).join('\n');
  return layout(
    `${e.name}（${e.unitName}）`,
    `<p class="back"><a href="/register">個人情報ファイル簿の一覧へ戻る</a></p>
<h1>${esc(e.name)}</h1>
<p>${esc(e.unitName)}<span class="sep" aria-hidden="true"> ／ </span>最終更新: <time datetime="${esc(e.updatedAt)}">${esc(japaneseDate(e.updatedAt))}</time></p>
<p class="downloads">この単票をダウンロード: <a href="/register/files/${esc(e.id)}.pdf" type="application/pdf">PDF（別紙様式1）</a></p>
<table class="sheet"><caption>個人情報ファイル簿（単票）</caption>
<tbody>
${rows}
</tbody></table>`,
  );
}

export function notFoundPage(): string {
  return layout(
    'ページが見つかりません',
    `<h1>お探しの個人情報ファイルは見つかりません</h1>
<p>掲載を終了したか、アドレスが正しくない可能性があります。</p>
<p><a href="/register">個人情報ファイル簿の一覧へ</a></p>`,
  );
}

export function downloadErrorPage(where: {
  row: number;
  path: string;
  message: string;
  char: string;
}): string {
  // The code point too: the reader's font may not draw the character itself.
  const codePoint = `U+${(where.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return layout(
    'ダウンロードできませんでした',
    `<h1>Shift_JIS（CP932）のCSVは作成できませんでした</h1>
<p>個人情報ファイル簿の${where.row}件目の「${esc(where.path)}」に、Shift_JIS（CP932）で表せない文字${esc(where.message)}（${codePoint}）が含まれています。</p>
<p><a href="/register/files.csv">CSV（UTF-8）</a>または<a href="/register/files.xlsx">Excel形式</a>をご利用ください。どちらも Microsoft Excel で開けます。</p>
<p><a href="/register">個人情報ファイル簿の一覧へ戻る</a></p>`,
  );
}

export function accessibilityPage(): string {
  return layout(
    'ウェブアクセシビリティ方針',
    `<h1>ウェブアクセシビリティ方針</h1>
<p>個人情報ファイル簿のページは、日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の適合レベルAAに準拠することを目標としています。</p>
<h2>対象範囲</h2>
<p>/register 以下の個人情報ファイル簿のページ（一覧、検索、単票）。</p>
<h2>確認の方法</h2>
<p>変更のたびに、自動試験（axe-core によるブラウザでの検証）で違反が0件であることを確認しています。ページはJavaScriptを使わずに表示・検索でき、印刷にも対応しています。</p>
<h2>お問い合わせ</h2>
<p>独立行政法人国立高等専門学校機構 本部事務局総務課</p>`,
  );
}

/** 令和8年11月29日 (Asia/Tokyo). */
export function japaneseDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    timeZone: 'Asia/Tokyo',
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(d);
}

export const REGISTER_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",sans-serif;font-size:1rem;line-height:1.7;color:#1a1a1c;background:#fff}
a{color:#0031d8}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #000;outline-offset:2px;box-shadow:0 0 0 5px #ffd43d}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header.site{background:#00118f;color:#fff;padding:.75rem 1.5rem}
header.site a{color:#fff}
header.site .org{margin:0;font-size:.875rem}
header.site .site-name{margin:0;font-size:1.25rem;font-weight:bold}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;line-height:1.4}
h2{font-size:1.375rem;margin-top:2rem}
form.search{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;padding:1rem;border:1px solid #949497;border-radius:8px}
.field label{display:block;font-weight:bold;margin-bottom:.25rem}
.field input,.field select{width:100%;padding:.5rem;font:inherit;border:1px solid #666;border-radius:4px}
.actions{display:flex;gap:1rem;align-items:center}
button{font:inherit;padding:.5rem 1.5rem;background:#0031d8;color:#fff;border:0;border-radius:4px;cursor:pointer}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #949497;padding:.5rem .75rem;text-align:left;vertical-align:top}
thead th{background:#f1f1f4}
table.sheet th{width:38%;background:#f8f8fb;font-weight:normal}
table.sheet .no{display:inline-block;min-width:2em;font-weight:bold}
table.sheet ol{margin:0;padding-left:1.75rem}
.pages ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.pages a{display:inline-block;padding:.25rem .75rem;border:1px solid #949497;border-radius:4px}
.pages a[aria-current]{background:#0031d8;color:#fff}
footer.site{border-top:1px solid #949497;padding:1rem 1.5rem;font-size:.875rem}
@media print{header.site,form.search,.downloads,.pages,.back,footer.site,.skip{display:none}a{color:#000;text-decoration:none}main{padding:0;max-width:none}table.sheet th{background:#fff}}
`;
