/**
 * The articles of rule 65 as the product checks them (issue 10): every feature id of
 * ../shared/spec/features.md with the article it belongs to, its family (a column of the compliance
 * overview) and the question an audit asks of it (A36). An audit over "第3–19条 and 第21–35条" takes
 * exactly the items whose article is in that range.
 */
export const ARTICLE_FAMILIES = [
  'roles', // 第3–9条, 第7条の2
  'training', // 第10条
  'handling', // 第11–17条, 第11条の2, 第17条の2
  'third_parties', // 第18–19条
  'register', // 第20条
  'systems', // 第21–31条
  'rooms', // 第32–33条
  'incidents', // 第34–35条
  'oversight', // 第36–38条
  'other', // 第39–41条
] as const;
export type ArticleFamily = (typeof ARTICLE_FAMILIES)[number];

export interface ArticleItem {
  /** The feature id (features.md): A20-2 = 第20条第2項, A11の2 = 第11条の2. */
  id: string;
  /** The article's number (第11条の2 → 11). */
  article: number;
  family: ArticleFamily;
  ja: string;
  en: string;
}

const FAMILY_OF: [number, number, ArticleFamily][] = [
  [3, 9, 'roles'],
  [10, 10, 'training'],
  [11, 17, 'handling'],
  [18, 19, 'third_parties'],
  [20, 20, 'register'],
  [21, 31, 'systems'],
  [32, 33, 'rooms'],
  [34, 35, 'incidents'],
  [36, 38, 'oversight'],
  [39, 41, 'other'],
];

/** The family of an article number (3–41), or null outside the rule's measures. */
export function familyOfArticle(article: number): ArticleFamily | null {
  return FAMILY_OF.find(([from, to]) => article >= from && article <= to)?.[2] ?? null;
}

/** The article number of a feature id or gap article ('A11-1', 'A7の2', 'A34'), or null. */
export function articleOf(id: string): number | null {
  const m = /^A(\d+)/.exec(id);
  return m ? Number(m[1]) : null;
}

const item = (id: string, ja: string, en: string): ArticleItem => {
  const article = articleOf(id) ?? 0;
  return { id, article, family: familyOfArticle(article) ?? 'other', ja, en };
};

/** Every item, in the rule's order. */
export const ARTICLE_ITEMS: readonly ArticleItem[] = [
  item(
    'A3',
    '教職員等の所属・種別・職務が登録され、規則の周知が記録されているか',
    'Staff are registered with unit, kind and duties; acknowledgement of the rule is recorded',
  ),
  item('A4', '総括管理者が1名任命されているか', 'Exactly one 総括管理者 is appointed'),
  item('A5', '各学校等に総括保護管理者が1名任命されているか', 'Each unit has exactly one 総括保護管理者'),
  item(
    'A6',
    '保有個人情報を取り扱う課等ごとに保護管理者が1名任命されているか',
    'Each handling section has exactly one 保護管理者',
  ),
  item('A7', '保護担当者が指定されているか', '保護担当者 are designated in each handling section'),
  item(
    'A7の2',
    '特定個人情報取扱担当者とその役割・範囲が指定されているか',
    'My Number handlers are designated with their role and range',
  ),
  item('A8', '監査責任者が1名任命されているか', 'Exactly one 監査責任者 is appointed'),
  item(
    'A9',
    '情報公開・個人情報保護委員会が置かれ、開催・決定が記録されているか',
    'The committee exists and its meetings and decisions are recorded',
  ),
  item(
    'A10-1',
    '保有個人情報を取り扱う教職員等への研修が行われているか',
    'Staff handling held personal information are trained',
  ),
  item(
    'A10-2',
    '情報システムの管理に携わる教職員等への研修が行われているか',
    'Staff managing information systems are trained',
  ),
  item('A10-3', '保護管理者・保護担当者への研修が行われているか', 'Managers and officers are trained'),
  item(
    'A10-4',
    '保護管理者が課等の教職員等を研修に参加させているか',
    'Managers have their section take part in training',
  ),
  item(
    'A11-1',
    'アクセス権限が業務上必要な最小限に限られ、定期に見直されているか',
    'Access is limited to what work needs and reviewed periodically',
  ),
  item(
    'A11-2',
    '権限のない者のアクセスが防止され、記録されているか',
    'Access without a grant is prevented and recorded',
  ),
  item('A11-3', 'アクセスの都度、利用目的が示されているか', 'Every access states its purpose'),
  item(
    'A11の2',
    '特定個人情報が取扱区域・取扱担当者に限って取り扱われているか',
    'My Numbers are handled only in designated areas by designated handlers',
  ),
  item(
    'A12',
    '複製・送信・媒体の外部送付等が承認のうえ行われているか',
    'Copying, sending and media sent out are approved',
  ),
  item(
    'A13',
    '誤りの訂正が保護管理者の指示で行われ、記録されているか',
    "Errors are corrected on the manager's instruction and recorded",
  ),
  item(
    'A14',
    '記録媒体が登録され、保管・持出し・返却が管理されているか',
    'Media are registered, stored, taken out and returned under control',
  ),
  item('A15', '廃棄が復元不可能な方法で行われ、記録されているか', 'Disposal is irreversible and recorded'),
  item(
    'A16',
    '利用・保管の台帳が整備され、点検されているか',
    'The ledger of use and storage is kept and reviewed',
  ),
  item(
    'A17-2',
    '目的外の利用・提供が4つの根拠と承認に基づいているか',
    'Use or provision outside the purpose rests on one of the four grounds and approval',
  ),
  item(
    'A17-4',
    '目的外の内部利用が必要な者に限られているか',
    'Internal use outside the purpose is restricted to named persons',
  ),
  item(
    'A17の2',
    '特定個人情報が番号法の認める事務に限って利用されているか',
    'My Numbers are used only as the My Number Act allows',
  ),
  item(
    'A18',
    '第三者提供が書面・安全確保措置・実地調査のうえ行われているか',
    'Provision to third parties has agreements, safeguards and checks',
  ),
  item(
    'A19-1',
    '委託先の能力確認と6条項を備えた契約がされているか',
    'Contractors are checked and contracts carry the six clauses',
  ),
  item(
    'A19-2',
    '派遣労働者の契約に秘密保持義務が定められているか',
    "Dispatched workers' contracts carry confidentiality",
  ),
  item('A19-3', '再委託が保護管理者の許可を得ているか', "Subcontracting has the manager's permission"),
  item('A19-4', '特定個人情報の委託先が監督されているか', 'My Number contractors are supervised'),
  item(
    'A20-1',
    '保有する個人情報ファイルが個人情報ファイル簿に記載され、提出されているか',
    'Each file held is entered in the register and submitted',
  ),
  item(
    'A20-2',
    '個人情報ファイル簿が取りまとめられ、公表されているか',
    'The register is consolidated and published',
  ),
  item(
    'A20-3',
    '記載事項の変更が直ちに修正・再提出されているか',
    'Changes are corrected and resubmitted at once',
  ),
  item(
    'A20-4',
    '保有しなくなったファイルが遅滞なく削除されているか',
    'Files no longer held are struck without delay',
  ),
  item(
    'A20-5',
    '特定個人情報ファイルの保有が総括管理者の承認を得ているか',
    "My Number files are held with the 総括管理者's approval",
  ),
  item(
    'A21',
    'パスワード等による認証と多要素認証が行われているか',
    'Authentication by password and a second factor',
  ),
  item('A21-2', 'パスワードの規則が定められ、定期に見直されているか', 'Password rules are set and reviewed'),
  item(
    'A22-1',
    'アクセス記録が保存され、定期に分析されているか',
    'Access is recorded, kept and analysed regularly',
  ),
  item(
    'A22-2',
    'アクセス記録の改ざん・削除が検知できるか',
    'The access log cannot be altered or deleted undetected',
  ),
  item('A23', '外部からの不正アクセスが防止されているか', 'Unauthorised access from outside is prevented'),
  item('A24', 'ソフトウェアが最新に保たれ、脆弱性が確認されているか', 'Software is kept current and scanned'),
  item(
    'A24の2',
    '処理のための一時的な複製が最小限で、処理後に消去されているか',
    'Temporary copies are minimal and deleted when done',
  ),
  item(
    'A25',
    '保有個人情報が重要度に応じて暗号化されているか',
    'Held personal information is encrypted by sensitivity',
  ),
  item(
    'A26',
    '入力内容が原票と照合され、重要な変更が確認されているか',
    'Entries are checked against their source',
  ),
  item(
    'A27',
    'バックアップが作成され、分散保管・復元確認されているか',
    'Backups are made, kept apart and restorable',
  ),
  item('A28', '情報システムの設計書等が管理されているか', 'Design documents are kept with restricted access'),
  item('A29', '端末が限定され、盗難等が防止されているか', 'Terminals are limited and protected'),
  item(
    'A30',
    '端末・記録媒体の持出し・持込みが管理されているか',
    'Taking terminals and media out or in is controlled',
  ),
  item('A31', '離席時等にセッションがロックされているか', 'Sessions lock when left idle'),
  item('A32', 'サーバ室等への入退室が管理されているか', 'Entry to server rooms is controlled and recorded'),
  item('A33', 'サーバ室等の設備上の安全措置が講じられているか', 'Server rooms have physical safeguards'),
  item(
    'A34',
    '事案の報告・封じ込め・調査・再発防止が行われているか',
    'Incidents are reported, contained, investigated and prevented',
  ),
  item(
    'A35',
    '事案の公表・本人対応・関係機関への情報提供が行われているか',
    'Incidents are published and affected persons answered',
  ),
  item(
    'A36',
    '監査が定期に及び随時に行われ、結果が報告されているか',
    'Audits are held regularly and reported',
  ),
  item('A37', '保護管理者による点検が行われ、結果が報告されているか', 'Managers inspect and report'),
  item('A38', '監査・点検の結果を踏まえ措置が評価・見直されているか', 'Measures are evaluated and revised'),
  item('A39', '関係省庁との連携（指導等）が記録されているか', 'Guidance from ministries is recorded'),
  item('A40', '各学校等の細則が定められているか', "Units' supplementary rules are set"),
  item(
    'A41',
    '歴史資料等個人情報が規則に沿って取り扱われているか',
    'Historical materials are handled under the rule',
  ),
];

/** The items of articles in scope (A36: 第3–19条 and 第21–35条 by default). */
export function itemsForArticles(articles: readonly number[]): ArticleItem[] {
  const wanted = new Set(articles);
  return ARTICLE_ITEMS.filter((i) => wanted.has(i.article));
}

/** The articles an audit covers unless narrowed (A36: 第3条から第19条まで及び第21条から第35条まで). */
export const AUDIT_DEFAULT_ARTICLES: readonly number[] = [
  ...Array.from({ length: 17 }, (_, i) => i + 3),
  ...Array.from({ length: 15 }, (_, i) => i + 21),
];
