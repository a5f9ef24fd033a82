/**
 * The demo's 各学校等 (rule 65 第5条): the headquarters and the 51 colleges in the published order,
 * each with the typical sections (課等) of spec/demo-data.md.
 */
import type { DemoSection, DemoUnit } from './demo-dataset.ts';

export const HQ_CODE = 'hq';

/** [code (romaji), short name, address (prefecture + city of the main campus)], in the order of demo-data.md. */
export const COLLEGES: readonly (readonly [code: string, shortName: string, address: string])[] = [
  ['hakodate', '函館', '北海道函館市'],
  ['tomakomai', '苫小牧', '北海道苫小牧市'],
  ['kushiro', '釧路', '北海道釧路市'],
  ['asahikawa', '旭川', '北海道旭川市'],
  ['hachinohe', '八戸', '青森県八戸市'],
  ['ichinoseki', '一関', '岩手県一関市'],
  ['sendai', '仙台', '宮城県名取市'],
  ['akita', '秋田', '秋田県秋田市'],
  ['tsuruoka', '鶴岡', '山形県鶴岡市'],
  ['fukushima', '福島', '福島県いわき市'],
  ['ibaraki', '茨城', '茨城県ひたちなか市'],
  ['oyama', '小山', '栃木県小山市'],
  ['gunma', '群馬', '群馬県前橋市'],
  ['kisarazu', '木更津', '千葉県木更津市'],
  ['tokyo', '東京', '東京都八王子市'],
  ['nagaoka', '長岡', '新潟県長岡市'],
  ['toyama', '富山', '富山県富山市'],
  ['ishikawa', '石川', '石川県河北郡津幡町'],
  ['fukui', '福井', '福井県鯖江市'],
  ['nagano', '長野', '長野県長野市'],
  ['gifu', '岐阜', '岐阜県本巣市'],
  ['numazu', '沼津', '静岡県沼津市'],
  ['toyota', '豊田', '愛知県豊田市'],
  ['toba', '鳥羽商船', '三重県鳥羽市'],
  ['suzuka', '鈴鹿', '三重県鈴鹿市'],
  ['maizuru', '舞鶴', '京都府舞鶴市'],
  ['akashi', '明石', '兵庫県明石市'],
  ['nara', '奈良', '奈良県大和郡山市'],
  ['wakayama', '和歌山', '和歌山県御坊市'],
  ['yonago', '米子', '鳥取県米子市'],
  ['matsue', '松江', '島根県松江市'],
  ['tsuyama', '津山', '岡山県津山市'],
  ['hiroshima', '広島商船', '広島県豊田郡大崎上島町'],
  ['kure', '呉', '広島県呉市'],
  ['tokuyama', '徳山', '山口県周南市'],
  ['ube', '宇部', '山口県宇部市'],
  ['oshima', '大島商船', '山口県大島郡周防大島町'],
  ['anan', '阿南', '徳島県阿南市'],
  ['kagawa', '香川', '香川県高松市'],
  ['niihama', '新居浜', '愛媛県新居浜市'],
  ['yuge', '弓削商船', '愛媛県越智郡上島町'],
  ['kochi', '高知', '高知県南国市'],
  ['kurume', '久留米', '福岡県久留米市'],
  ['ariake', '有明', '福岡県大牟田市'],
  ['kitakyushu', '北九州', '福岡県北九州市'],
  ['sasebo', '佐世保', '長崎県佐世保市'],
  ['kumamoto', '熊本', '熊本県合志市'],
  ['oita', '大分', '大分県大分市'],
  ['miyakonojo', '都城', '宮崎県都城市'],
  ['kagoshima', '鹿児島', '鹿児島県霧島市'],
  ['okinawa', '沖縄', '沖縄県名護市'],
];

/** Colleges formed by merger (2009), named 「○○高等専門学校」 without 工業. */
const PLAIN_NAMED = new Set(['仙台', '富山', '香川', '熊本']);

/** 「○○工業高等専門学校」, except 仙台・富山・香川・熊本 and the 商船 colleges (「○○商船高等専門学校」). */
export function collegeFullName(shortName: string): string {
  return PLAIN_NAMED.has(shortName) || shortName.endsWith('商船')
    ? `${shortName}高等専門学校`
    : `${shortName}工業高等専門学校`;
}

const HQ_SECTIONS: readonly DemoSection[] = [
  { name: '総務課', handlesPersonalInfo: true, handlesMyNumber: false },
  { name: '人事課', handlesPersonalInfo: true, handlesMyNumber: false },
  { name: '給与係', parent: '人事課', handlesPersonalInfo: true, handlesMyNumber: true }, // file 22
  { name: '財務課', handlesPersonalInfo: false, handlesMyNumber: false },
  { name: '学務課', handlesPersonalInfo: true, handlesMyNumber: false },
  { name: '研究推進課', handlesPersonalInfo: false, handlesMyNumber: false },
  { name: '情報基盤課', handlesPersonalInfo: false, handlesMyNumber: false },
];

const COLLEGE_SECTIONS: readonly DemoSection[] = [
  { name: '総務課', handlesPersonalInfo: true, handlesMyNumber: false }, // files 15, 21, 23
  { name: '総務係', parent: '総務課', handlesPersonalInfo: false, handlesMyNumber: false },
  { name: '人事係', parent: '総務課', handlesPersonalInfo: true, handlesMyNumber: false },
  { name: '学生課', handlesPersonalInfo: false, handlesMyNumber: false },
  { name: '教務係', parent: '学生課', handlesPersonalInfo: true, handlesMyNumber: false }, // files 1–4, 16
  { name: '学生係', parent: '学生課', handlesPersonalInfo: true, handlesMyNumber: false }, // files 9–11, 13
  { name: '寮務係', parent: '学生課', handlesPersonalInfo: true, handlesMyNumber: false }, // file 12
  { name: '入試係', parent: '学生課', handlesPersonalInfo: true, handlesMyNumber: false }, // files 5, 6
  { name: '会計課', handlesPersonalInfo: true, handlesMyNumber: true }, // file 24
  { name: '図書係', handlesPersonalInfo: true, handlesMyNumber: false }, // file 17
  { name: '保健室・学生相談室', handlesPersonalInfo: true, handlesMyNumber: false }, // files 7, 8
  { name: '情報基盤センター', handlesPersonalInfo: true, handlesMyNumber: false }, // file 18
  { name: '地域共同テクノセンター', handlesPersonalInfo: false, handlesMyNumber: false },
];

const copySections = (sections: readonly DemoSection[]): DemoSection[] => sections.map((s) => ({ ...s }));

/** The 52 units, headquarters first, each with fresh section objects. */
export function buildDemoUnits(): DemoUnit[] {
  const hq: DemoUnit = {
    code: HQ_CODE,
    name: '国立高等専門学校機構本部事務局',
    shortName: '本部事務局',
    kind: 'headquarters',
    address: '東京都八王子市',
    sections: copySections(HQ_SECTIONS),
  };
  const colleges = COLLEGES.map(([code, shortName, address]): DemoUnit => ({
    code,
    name: collegeFullName(shortName),
    shortName,
    kind: 'college',
    address,
    sections: copySections(COLLEGE_SECTIONS),
  }));
  return [hq, ...colleges];
}
