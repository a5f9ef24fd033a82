/**
 * The fields of an entry of the register of personal information files (個人情報ファイル簿, 別紙様式1)
 * in the order the current law publishes them (法第75条第1項, 令第20条; ../shared/spec/law-2022.md).
 * One list for the form, the public pages, the CSV/XLSX columns and the 単票: labels never drift apart.
 */
export const PUBLISHED_FIELDS = [
  {
    key: 'name',
    ja: '個人情報ファイルの名称',
    en: 'Name of the personal information file',
    help: '法第75条第1項・第74条第1項第1号: ファイルの内容が分かる名称を記入します。',
  },
  {
    key: 'agencyName',
    ja: '行政機関等の名称',
    en: 'Name of the agency',
    help: '法第74条第1項第2号: 独立行政法人国立高等専門学校機構。',
  },
  {
    key: 'department',
    ja: '個人情報ファイルが利用に供される事務をつかさどる組織の名称',
    en: 'Organisation in charge of the work the file serves',
    help: '法第74条第1項第2号: 担当する学校等と課等の名称（例: 東京工業高等専門学校 学生課教務係）。',
  },
  {
    key: 'purpose',
    ja: '個人情報ファイルの利用目的',
    en: 'Purpose of use',
    help: '法第74条第1項第3号・第61条: 特定した利用目的を具体的に記入します。',
  },
  {
    key: 'recordItems',
    ja: '記録項目',
    en: 'Items recorded',
    help: '法第74条第1項第4号: 記録される項目を一つずつ入力します（公表時は番号付きで表示されます）。',
  },
  {
    key: 'recordRange',
    ja: '記録範囲',
    en: 'Persons recorded',
    help: '法第74条第1項第4号: 本人として記録される個人の範囲（例: 在籍する（した）本科学生）。',
  },
  {
    key: 'collectionMethod',
    ja: '記録情報の収集方法',
    en: 'How the information is collected',
    help: '法第74条第1項第5号。',
  },
  {
    key: 'sensitive',
    ja: '要配慮個人情報が含まれるときは、その旨',
    en: 'Whether it contains special-care personal information',
    help: '法第74条第1項第5号の2・第2条第3項: 病歴、障害、犯罪の経歴等を含むかどうか。',
  },
  {
    key: 'regularRecipients',
    ja: '記録情報の経常的提供先',
    en: 'Regular recipients',
    help: '法第74条第1項第6号: 経常的に提供する相手がなければ空欄にします。',
  },
  {
    key: 'requestOffice',
    ja: '開示請求等を受理する組織の名称及び所在地',
    en: 'Office receiving requests for disclosure, correction and suspension (name and address)',
    help: '法第74条第1項第7号。',
  },
  {
    key: 'specialProcedures',
    ja: '訂正及び利用停止に関する他の法律又はこれに基づく命令の規定による特別の手続等',
    en: 'Special procedures for correction and suspension under other laws',
    help: '法第74条第1項第8号: 該当がなければ空欄にします。',
  },
  {
    key: 'kind',
    ja: '個人情報ファイルの種別',
    en: 'Kind of file',
    help: '法第60条第2項: 第1号（電算処理ファイル）または第2号（マニュアル処理ファイル）。',
  },
  {
    key: 'rei20Para7',
    ja: '政令第20条第7項に該当するファイルの有無',
    en: 'Files under Cabinet Order art. 20(7)',
    help: '令第20条第7項: 電算処理ファイルに記録されている情報の一部をマニュアル処理ファイルとして保有しているかどうか。',
  },
  {
    key: 'anonProposalsInvited',
    ja: '行政機関等匿名加工情報の提案の募集をする個人情報ファイルである旨',
    en: 'Proposals for anonymised information are invited for this file',
    help: '法第75条第1項・第110条。',
  },
  {
    key: 'anonProposalOffice',
    ja: '行政機関等匿名加工情報の提案を受ける組織の名称及び所在地',
    en: 'Office receiving proposals for anonymised information (name and address)',
    help: '法第110条: 提案を募集する場合に記入します。',
  },
  {
    key: 'anonInfoSummary',
    ja: '行政機関等匿名加工情報の概要',
    en: 'Summary of the anonymised information produced',
    help: '法第117条: 作成した場合に記入します。',
  },
  {
    key: 'anonInfoOffice',
    ja: '作成された行政機関等匿名加工情報に関する提案を受ける組織の名称及び所在地',
    en: 'Office receiving proposals on the anonymised information produced',
    help: '法第118条: 作成した場合に記入します。',
  },
  {
    key: 'anonInfoPeriod',
    ja: '作成された行政機関等匿名加工情報に関する提案をすることができる期間',
    en: 'Period for proposals on the anonymised information produced',
    help: '法第118条: 作成した場合に記入します。',
  },
  {
    key: 'remarks',
    ja: '備考',
    en: 'Remarks',
    help: '',
  },
] as const;

export type PublishedFieldKey = (typeof PUBLISHED_FIELDS)[number]['key'];

/** 法第60条第2項: 第1号 電算処理ファイル (held in Mamori's vault or another system) or 第2号 マニュアル処理ファイル. */
export const FILE_KINDS = ['computer', 'manual'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * Grounds for holding a file without publishing it (法第74条第2項, 第75条第3項), recorded with the entry
 * and kept off every public page and download.
 */
export const EXEMPTIONS = ['none', 'personnel', 'under_1000', 'contained', 'impede'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];
export const EXEMPTION_LABELS: Record<Exemption, { ja: string; en: string }> = {
  none: { ja: '公表する', en: 'Published' },
  personnel: {
    ja: '公表しない（職員の人事・給与・福利厚生に関するファイル: 法第74条第2項第3号）',
    en: 'Not published: staff personnel, pay or welfare (Act art. 74(2)(iii))',
  },
  under_1000: {
    ja: '公表しない（本人の数が1,000人未満: 法第74条第2項第9号、令第20条第2項）',
    en: 'Not published: fewer than 1,000 persons (Act art. 74(2)(ix))',
  },
  contained: {
    ja: '公表しない（公表するファイルに全部が含まれる: 法第74条第2項第10号）',
    en: 'Not published: wholly contained in a published file (Act art. 74(2)(x))',
  },
  impede: {
    ja: '公表しない（記載により事務の適正な遂行に著しい支障: 法第75条第3項）',
    en: 'Not published: listing would seriously impede the work (Act art. 75(3))',
  },
};

/** How sensitive the information is and how important the file is: later approval and encryption rules key on these. */
export const SENSITIVITIES = ['ordinary', 'sensitive', 'highly_sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const IMPORTANCES = ['low', 'medium', 'high'] as const;
export type Importance = (typeof IMPORTANCES)[number];

/** The life of a version of an entry (A20-1 → A20-2; A20-3 amendments go the same way). */
export const VERSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The life of a file in the register: drafted, registered (accepted at least once), no longer held (A20-4). */
export const FILE_STATES = ['draft', 'registered', 'discontinued'] as const;
export type FileState = (typeof FILE_STATES)[number];

/** The 行政機関等の名称 of every entry (field 2). */
export const AGENCY_NAME = '独立行政法人国立高等専門学校機構';
