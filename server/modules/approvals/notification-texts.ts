/**
 * The words of notifications in mail (ADR 0008 §4). A subject carries the Mamori tag, what happened
 * and the request's number, never a name or a held person's value; the body links to the app, where
 * the reader signs in to see the rest. The web app words the same kinds in its own i18n files.
 */
export const NOTIFICATION_TEXTS: Record<string, { ja: string; en: string }> = {
  'approval.submitted': { ja: '承認依頼', en: 'Approval requested' },
  'approval.resubmitted': { ja: '再申請', en: 'Request resubmitted' },
  'approval.approved': { ja: '承認されました', en: 'Request approved' },
  'approval.denied': { ja: '却下されました', en: 'Request denied' },
  'approval.sent_back': { ja: '差し戻されました', en: 'Request sent back' },
  'approval.withdrawn': { ja: '申請が取り下げられました', en: 'Request withdrawn' },
  'approval.expired': { ja: '申請の期限が切れました', en: 'Request expired' },
  'export.ready': { ja: '複製データの準備ができました', en: 'Export ready' },
  'export.expired': { ja: '複製データを削除しました', en: 'Export deleted at expiry' },
  'export.confirm_overdue': { ja: '複製の消去確認が未了です', en: 'Deletion of copies not confirmed' },
  'movement.return_overdue': { ja: '媒体の返却期限を過ぎています', en: 'Medium overdue for return' },
  'correction.reported': { ja: '誤りの報告がありました', en: 'Error reported' },
  'correction.instructed': { ja: '訂正の指示がありました', en: 'Correction instructed' },
  'correction.corrected': { ja: '報告された誤りが訂正されました', en: 'Reported error corrected' },
  'correction.dismissed': { ja: '誤りの報告が処理されました', en: 'Error report closed' },
  'disposal.executed': { ja: '廃棄（消去）が実施されました', en: 'Disposal carried out' },
  'review.due': { ja: '取扱状況の記録の点検期限です', en: 'Usage ledger review due' },
  // Issue 8 (A34–A35, 法68): the data carries the incident's number and path, never its facts.
  'incident.reported': { ja: '事案の報告がありました', en: 'Incident reported' },
  'incident.your_turn': { ja: '事案の対応をお願いします', en: 'Incident: your action is needed' },
  'incident.deadline_near': { ja: '事案の期限が近づいています', en: 'Incident deadline approaching' },
  'incident.deadline_overdue': { ja: '事案の期限を過ぎています', en: 'Incident deadline passed' },
  'incident.measure_assigned': {
    ja: '再発防止策の担当になりました',
    en: 'Recurrence-prevention measure assigned',
  },
  'incident.closed': { ja: '事案が終結しました', en: 'Incident closed' },
  // Issue 10 (A10, A36–A38, A9): the data carries numbers and paths only.
  'training.reminder': { ja: '研修の受講期限が近づいています', en: 'Training due soon' },
  'training.overdue': { ja: '研修の受講期限を過ぎています', en: 'Training overdue' },
  'training.grant_suspended': {
    ja: '研修の期限切れにより保管庫の権限が停止されました',
    en: 'Vault grant suspended: training lapsed',
  },
  'training.grant_resumed': {
    ja: '研修の修了により保管庫の権限が再開されました',
    en: 'Vault grant resumed: training completed',
  },
  'audit.report_delivered': { ja: '監査報告書が届きました', en: 'Audit report delivered' },
  'audit.finding_assigned': {
    ja: '監査の指摘事項の是正担当になりました',
    en: 'Audit finding assigned to you',
  },
  'audit.finding_overdue': { ja: '監査の指摘事項の是正期限を過ぎています', en: 'Audit finding overdue' },
  'inspection.due': { ja: '点検の実施時期です', en: 'Inspection due' },
  'inspection.reported': { ja: '点検結果の報告がありました', en: 'Inspection reported' },
  'evaluation.action_assigned': {
    ja: '評価・見直しの措置の担当になりました',
    en: 'Evaluation action assigned to you',
  },
  'committee.meeting': { ja: '委員会の開催のお知らせです', en: 'Committee meeting notice' },
  'compliance.new_gaps': { ja: '新たなコンプライアンス上の課題があります', en: 'New compliance gaps' },
  // Issue 11 (A30-2, A23–A24, A33, A27): numbers, labels of equipment and paths only.
  'device.return_overdue': {
    ja: '端末・媒体の返却期限を過ぎています',
    en: 'Device or medium overdue for return',
  },
  'device.lost': { ja: '端末・媒体の紛失・盗難の届出がありました', en: 'Device or medium reported lost' },
  'system.check_due': { ja: '情報システムの対策の点検時期です', en: 'System safeguards check due' },
  'room.inspection_due': { ja: '情報システム室等の設備の点検時期です', en: 'Room safeguards inspection due' },
  'room.visitor_unescorted': {
    ja: '立会者が退室し、部外者が室内に残っています',
    en: 'Escort left while the visitor is still inside',
  },
  'backup.failed': { ja: 'バックアップに失敗しました', en: 'Backup failed' },
  'backup.restore_test_failed': { ja: '復元テストに失敗しました', en: 'Restore test failed' },
  // Issue 12 (law-2022.md 法76–107): request numbers and paths only, never the requester's name.
  'request.received': { ja: '開示請求等を受け付けました', en: "Individual's request received" },
  'request.due_soon': { ja: '開示請求等の決定期限が近づいています', en: "Individual's request due soon" },
  'request.overdue': { ja: '開示請求等の決定期限を過ぎています', en: "Individual's request overdue" },
  'request.decided': {
    ja: '開示請求等の決定が承認されました',
    en: "Decision on an individual's request approved",
  },
  'request.remedy_instructed': {
    ja: '本人からの請求による訂正・利用停止を行ってください',
    en: "Correct or suspend records as an individual's request was granted",
  },
};

export const KIND_TEXTS: Record<string, { ja: string; en: string }> = {
  export: { ja: '複製', en: 'Copy / export' },
  transmit: { ja: '送信', en: 'Transmission' },
  send_out: { ja: '媒体の外部送付', en: 'Media sent out' },
  take_out: { ja: '媒体の持出し', en: 'Media taken out' },
  correction: { ja: '訂正', en: 'Correction' },
  out_of_purpose: { ja: '目的外利用・提供', en: 'Use outside the purpose' },
  dispose_records: { ja: '記録の廃棄', en: 'Disposal of records' },
  dispose_file: { ja: 'ファイルの廃棄', en: 'Disposal of a file' },
  dispose_medium: { ja: '媒体の廃棄', en: 'Disposal of a medium' },
  provision: { ja: '第三者への提供', en: 'Provision to a third party' },
  contract_exception: { ja: '委託契約の条項の例外', en: 'Exception to contract clauses' },
  subcontract: { ja: '再委託', en: 'Subcontracting' },
};

/** `[Mamori] 承認依頼 R2026-000123（複製）`: a code, a number and a kind; never personal data. */
export function mailSubject(kind: string, number: string | null, requestKind: string | null): string {
  const what = NOTIFICATION_TEXTS[kind]?.ja ?? 'お知らせ';
  const act = requestKind ? KIND_TEXTS[requestKind]?.ja : undefined;
  return `[Mamori] ${what}${number ? ` ${number}` : ''}${act ? `（${act}）` : ''}`;
}

export function mailBody(kind: string, number: string | null, link: string): string {
  const t = NOTIFICATION_TEXTS[kind] ?? { ja: 'お知らせ', en: 'Notice' };
  return [
    `${t.ja}${number ? `（${number}）` : ''}`,
    '',
    '内容は Mamori にログインして確認してください。',
    link,
    '',
    `${t.en}${number ? ` (${number})` : ''}. Sign in to Mamori to see it.`,
    '',
    '-- Mamori（個人情報管理システム）からの自動送信です。',
  ].join('\n');
}
