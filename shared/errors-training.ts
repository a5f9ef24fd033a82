import type { ErrorSpec } from './errors.ts';

/**
 * Errors of training (issue 10; A10). Codes never change once released. A course or session outside
 * the caller's view answers training.not_found (404), never 403.
 */
export const TRAINING_ERRORS = {
  'training.required': {
    status: 409,
    ja: '必須の研修を修了していないため、この操作はできません（第10条）。研修を修了してから、もう一度お試しください。',
    en: 'The required training has not been completed (A10). Complete it, then try again.',
  },
  'training.not_found': {
    status: 404,
    ja: '指定された研修または研修の回は見つかりません。',
    en: 'The course or session was not found.',
  },
  'training.owner_unit_invalid': {
    status: 400,
    ja: '研修を管理する部署が見つかりません。',
    en: 'The unit that keeps the course was not found.',
  },
  'training.audience_empty': {
    status: 400,
    ja: '受講対象（全職員、役割、部署または課等）を一つ以上指定してください。',
    en: 'Choose the audience: all staff, roles, units or sections.',
  },
  'training.audience_invalid': {
    status: 400,
    ja: '受講対象の部署または課等が見つからないか、研修を管理する部署の外にあります。',
    en: 'An audience unit or section was not found, or is outside the unit that keeps the course.',
  },
  'training.course_inactive': {
    status: 409,
    ja: 'この研修は終了（無効）になっているため、回の追加や受講の記録はできません。',
    en: 'The course is inactive; no session or completion can be recorded.',
  },
  'training.session_dates': {
    status: 400,
    ja: 'オンライン教材は公開終了日を公開開始日以降の日付で指定してください。集合研修に公開終了日は指定できません。',
    en: 'Online material needs a closing day on or after its opening day; an in-person session has none.',
  },
  'training.session_closed': {
    status: 409,
    ja: 'この回は本人による受講完了の記録を受け付けていません（オンライン教材の公開期間外、または集合研修です）。',
    en: 'This session does not take a completion by the person themself (outside the open period, or in person).',
  },
  'training.not_in_audience': {
    status: 409,
    ja: '指定された職員は、この研修の受講対象でないか、あなたが受講を管理できる範囲の外にいます。',
    en: 'A person named is not in the course audience, or outside the people you arrange training for.',
  },
  'training.capacity_full': {
    status: 409,
    ja: 'この回の定員を超えるため、受講者を追加できません。',
    en: 'The session is full.',
  },
  'training.completion_date': {
    status: 400,
    ja: '修了日は今日以前、かつ研修の回の実施日（公開開始日）以降の日付を指定してください。',
    en: 'The completion day must not be in the future nor before the session.',
  },
  'training.material_invalid': {
    status: 400,
    ja: '教材は PDF・PNG・JPEG（10MB まで）のファイルを添付してください。',
    en: 'Attach the material as a PDF, PNG or JPEG of up to 10 MB.',
  },
  'training.material_missing': {
    status: 404,
    ja: 'この研修の教材は登録されていません。',
    en: 'The course has no material.',
  },
} satisfies Record<string, ErrorSpec>;
