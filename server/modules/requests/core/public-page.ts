import type { RequestsConfig } from '../../../platform/config.ts';
import { esc, layout } from '../../register/public/public-html.ts';
import type { RegisterFileFacts } from '../requests.deps.ts';

/** The receiving offices of a unit, as the published register names them (法75, 法77-1). */
export interface PublicOffices {
  unitName: string;
  texts: string[];
}

/** The published register's 開示請求等を受理する組織 texts, grouped by unit (units in name order). */
export function officesByUnit(
  files: RegisterFileFacts[],
  units: ReadonlyMap<string, string>,
): PublicOffices[] {
  const byUnit = new Map<string, Set<string>>();
  for (const f of files) {
    if (!f.published || !f.requestOffice.trim()) continue;
    const set = byUnit.get(f.unitId) ?? new Set<string>();
    set.add(f.requestOffice.trim());
    byUnit.set(f.unitId, set);
  }
  return [...byUnit.entries()]
    .map(([unitId, texts]) => ({ unitName: units.get(unitId) ?? '', texts: [...texts].sort() }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'ja'));
}

/** The footer of the requests page (the layout is the public register's: ADR 0004). */
const FOOT = `<p><a href="/register/accessibility">ウェブアクセシビリティ方針</a></p>
<p>個人情報の保護に関する法律第76条から第107条までに基づく手続のご案内です。</p>`;

const yen = (n: number) => n.toLocaleString('ja-JP');

/**
 * /register/requests: how a person asks for disclosure (法76), correction (法90) and suspension of
 * use (法98) of the information held about them — who may, where, what to bring, the fee (法89) and
 * the periods (法83, 法84, 法94, 法102) — with the receiving offices of the published register.
 * Plain HTML without JavaScript like the public register (ADR 0004); Japanese first, short English.
 */
export function publicRequestsPage(config: RequestsConfig, offices: PublicOffices[]): string {
  // 民法140条: the day of receipt is not counted unless the organisation configured otherwise.
  const from = config.firstDayCounted ? '請求を受け付けた日から' : '請求を受け付けた日の翌日から';
  const officeList = offices.length
    ? offices
        .map(
          (o) => `<h3>${esc(o.unitName)}</h3>\n<ul>${o.texts.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
        )
        .join('\n')
    : '<p>現在、掲載している受付窓口はありません。</p>';
  return layout(
    '開示請求等の手続',
    `<p class="back"><a href="/register">個人情報ファイル簿の一覧へ戻る</a></p>
<h1>保有個人情報の開示・訂正・利用停止の請求</h1>
<p lang="en">Requests for disclosure, correction and suspension of use of personal information held about you (Act on the Protection of Personal Information, arts. 76–107).</p>
<p>当機構が保有するご自身の個人情報について、開示（法第76条）、訂正（法第90条）、利用停止（法第98条）を請求することができます。</p>

<h2>請求の方法 <span lang="en">How to request</span></h2>
<ul>
<li>請求書（書面）を、下記の受付窓口に持参するか、郵送してください（法第77条第1項）。電話・電子メールでは受け付けていません。</li>
<li>請求書には、氏名・住所、請求する個人情報が記録されている個人情報ファイルの名称など、個人情報を特定するために必要な事項を記載してください。個人情報ファイルの名称は<a href="/register">個人情報ファイル簿</a>で確認できます。</li>
<li>記載に不備がある場合は、相当の期間を定めて補正をお願いすることがあります（法第77条第3項）。</li>
</ul>
<p lang="en">Bring or mail a written request to one of the offices below; requests by phone or e-mail are not accepted.</p>

<h2>請求できる方 <span lang="en">Who may request</span></h2>
<ul>
<li>本人</li>
<li>未成年者又は成年被後見人の法定代理人</li>
<li>本人の委任による代理人（任意代理人）</li>
</ul>
<p lang="en">You, the legal representative of a minor or an adult ward, or an agent you authorise (art. 76-2).</p>

<h2>本人確認書類 <span lang="en">Proof of identity</span></h2>
<p>窓口では、次のいずれかを提示してください（法第77条第2項）。番号等は控えません。</p>
<ul>
<li>運転免許証</li>
<li>マイナンバーカード（個人番号カード）※通知カードは不可。個人番号は控えません</li>
<li>旅券（パスポート）</li>
<li>在留カード・特別永住者証明書</li>
<li>健康保険の資格確認書等</li>
<li>学生証・職員証（当機構の学生・職員の場合）</li>
</ul>
<p>郵送の場合は、上記の書類の写しに加え、<strong>住民票の写し</strong>（30日以内に作成されたもの）を同封してください。</p>
<p>代理人による請求の場合は、代理人本人の確認書類に加え、法定代理人は戸籍謄本・登記事項証明書等（30日以内に作成されたもの）、任意代理人は委任状（本人の実印を押印し印鑑登録証明書を添付したもの等）を提出してください。</p>
<p lang="en">Show an identity document at the counter. By mail, enclose a copy of it and a certificate of residence (住民票の写し). Representatives also bring proof of their authority.</p>

<h2>手数料 <span lang="en">Fee</span></h2>
<p>開示請求は、1件につき<strong>${yen(config.feeYen)}円</strong>です（法第89条）。収入印紙（請求書に貼付）又は窓口での現金でお納めください。訂正請求・利用停止請求は無料です。</p>
<p lang="en">A disclosure request costs ${yen(config.feeYen)} yen, paid by revenue stamps (収入印紙) or in cash at the counter. Correction and suspension are free.</p>

<h2>決定までの期間 <span lang="en">Periods</span></h2>
<ul>
<li>開示請求：${from}${config.disclosureDays}日以内に決定し、書面で通知します（法第83条第1項）。</li>
<li>事務処理上の困難その他正当な理由があるときは、${config.extensionDays}日以内に限り延長することがあります。その場合は理由を書面でお知らせします（法第83条第2項）。</li>
<li>請求に係る個人情報が著しく大量であるときは、${config.largeDays}日以内に相当の部分について決定し、残りの部分は相当の期間内に決定します（法第84条）。</li>
<li>補正をお願いした場合、補正に要した日数は期間に算入しません。</li>
<li>開示の決定の通知から${config.methodChoiceDays}日以内に、開示の実施方法（閲覧、写しの交付、郵送等）をお申し出ください（法第87条第3項）。</li>
<li>訂正請求・利用停止請求は、開示を受けた日から<strong>${config.remedyWindowDays}日以内</strong>に行ってください（法第90条第3項、第98条第3項）。${from}${config.remedyDays}日以内に決定します（法第94条、第102条）。</li>
${config.rollToBusinessDay ? '<li>期間の末日が土曜日・日曜日・祝日・年末年始（12月29日から1月3日）に当たるときは、その翌開庁日までとなります。</li>' : ''}
</ul>
<p lang="en">Disclosure is decided within ${config.disclosureDays} days of receipt (extendable by ${config.extensionDays} days with written reasons); correction and suspension are requested within ${config.remedyWindowDays} days of disclosure and decided within ${config.remedyDays} days. Days spent on fixing a defective request are not counted.</p>

<h2>受付窓口 <span lang="en">Receiving offices</span></h2>
<p>個人情報ファイル簿に記載された「開示請求等を受理する組織の名称及び所在地」です。</p>
${officeList}`,
    FOOT,
  );
}
