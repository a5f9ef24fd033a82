import type {
  IncidentActor,
  IncidentStep,
  LinkKind,
  NoticeMethod,
  PpcCase,
  StepView,
  TimelineKind,
} from '../../../../shared/api/incidents.ts';

/**
 * The Japanese words of incidents for what the server writes (the internal report, the PPC's items,
 * mails): the rule's and the law's terms, with the article beside them.
 */

export const STEP_JA: Record<IncidentStep, string> = {
  chief_protection: '総括保護管理者への報告',
  chief_manager: '総括管理者及び理事長への報告',
  ministries: '関係省庁への情報提供',
  ppc_my_number: '個人情報保護委員会への報告（番号法）',
  ppc_preliminary: '個人情報保護委員会への速報',
  ppc_final: '個人情報保護委員会への確報',
  mic_informed: '総務省への情報提供',
};

export const STEP_STATUS_JA: Record<StepView['status'], string> = {
  done: '済',
  not_needed: '不要と判断',
  pending: '対応待ち',
  waiting: '前提の完了待ち',
  not_applicable: '該当なし',
};

export const ACTOR_JA: Record<IncidentActor, string> = {
  protection_manager: '保護管理者',
  chief_protection_manager: '総括保護管理者',
  chief_manager: '総括管理者',
};

/** The four cases of 規則43 (法68①). */
export const PPC_CASE_JA: Record<PpcCase, string> = {
  sensitive: '要配慮個人情報が含まれる漏えい等（規則第43条第1号）',
  financial: '不正に利用されることにより財産的被害が生じるおそれ（規則第43条第2号）',
  wrongful: '不正の目的をもって行われたおそれ（規則第43条第3号）',
  over_threshold: '本人の数が基準の人数を超える漏えい等（規則第43条第4号）',
};

export const NOTICE_METHOD_JA: Record<NoticeMethod, string> = {
  letter: '書面',
  email: '電子メール',
  phone: '電話',
  in_person: '対面',
  other: 'その他',
};

export const LINK_KIND_JA: Record<LinkKind, string> = {
  file: '個人情報ファイル',
  record: '記録',
  log_entry: '操作ログ',
  approval_request: '承認の依頼',
};

export const TIMELINE_JA: Record<TimelineKind, string> = {
  reported: '報告',
  containment: '被害拡大防止の措置',
  facts_updated: '調査結果の記録',
  link_added: '関連付けの追加',
  link_removed: '関連付けの解除',
  step_done: '報告の記録',
  step_not_needed: '不要の判断',
  notice_recorded: '本人への通知の記録',
  publication_recorded: '公表の判断の記録',
  measure_added: '再発防止策の追加',
  measure_done: '再発防止策の完了',
  closed: '終結',
};

/** What a missing fact reads, in the PPC's items and the report (never an empty cell). */
export const UNKNOWN = '（調査中）';

/** A Tokyo date and time as 2026年4月1日 09:30. */
export function jaDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 9 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** A calendar date (YYYY-MM-DD) as 2026年4月1日. */
export function jaDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A count of persons as 1,234人. */
export function jaPersons(n: number): string {
  return `${n.toLocaleString('en-US')}人`;
}

/** The actions of 「次に対応する人」 beyond the steps (nextActionView.action). */
export const ACTION_JA: Record<string, string> = {
  ...STEP_JA,
  contain: '被害拡大防止の措置',
  investigate: '調査（原因・被害・影響の範囲）',
  notice: '本人への通知',
  publication: '公表の判断',
  measures: '再発防止策',
  close: '終結',
};

export const DEADLINE_JA = {
  ppc_preliminary: '速報の期限',
  ppc_final: '確報の期限',
  internal: '内部報告の期限',
  measure: '再発防止策の期限',
} as const;
