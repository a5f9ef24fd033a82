import holidayJp from '@holiday-jp/holiday_jp';

/**
 * The statutory periods of individuals' requests (law-2022.md 法83, 法84, 法87-3, 法90-3, 法94,
 * 法98-3, 法102), as pure functions of Tokyo dates (YYYY-MM-DD). Calendar days; the day of receipt
 * is not counted (民法140条 初日不算入) unless `firstDayCounted`; the days of a 補正 are not counted
 * (法83-1 ただし書); a period ending on a day the offices are closed ends on the next working day when
 * `rollToBusinessDay` (行政機関の休日に関する法律 第2条: 土日, 国民の祝日, 12/29–1/3).
 */

/** How days are counted (RequestsConfig's options). */
export interface DayRules {
  firstDayCounted: boolean;
  rollToBusinessDay: boolean;
}

/** A 補正 (法77-3): asked on a day, answered on a day (null: still open, the clock stopped). */
export interface Pause {
  askedOn: string;
  answeredOn: string | null;
}

/** YYYY-MM-DD plus n days (calendar arithmetic in UTC: no time zone moves a date). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 12/29–1/3: the offices' year-end holidays (行政機関の休日に関する法律 第1条第1項第3号). */
const yearEnd = (day: string) => {
  const md = day.slice(5);
  return md >= '12-29' || md <= '01-03';
};

/** A day the offices are open: not a Saturday, Sunday, national holiday (振替休日 included) or 年末年始. */
export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidayJp.isHoliday(day) && !yearEnd(day);
}

/** The day itself when the offices are open on it, else the next day they are. */
export function rollToBusinessDay(day: string): string {
  let d = day;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/**
 * The last day of a period of `days` days from `start` (the event's day): start + days, or one day
 * less when the first day counts.
 */
export function periodEnd(start: string, days: number, firstDayCounted: boolean): string {
  return addDays(start, firstDayCounted ? days - 1 : days);
}

/** The last day of a period, rolled to a working day when the rules say so. */
export function deadline(start: string, days: number, rules: DayRules): string {
  const end = periodEnd(start, days, rules.firstDayCounted);
  return rules.rollToBusinessDay ? rollToBusinessDay(end) : end;
}

/** Days of one 補正 not counted: from the day it was asked to the day it was answered (or `today`). */
export function pauseDays(p: Pause, today: string): number {
  return Math.max(0, daysBetween(p.askedOn, p.answeredOn ?? today));
}

/** Days of the answered pauses (法83-1 ただし書); null while one is open (the due date is unknown). */
export function pausedDays(pauses: readonly Pause[]): number | null {
  if (pauses.some((p) => p.answeredOn === null)) return null;
  return pauses.reduce((sum, p) => sum + daysBetween(p.askedOn, p.answeredOn as string), 0);
}

/** What the due date of a request is computed from. */
export interface DueInput extends DayRules {
  receivedOn: string;
  /** 法83-1: 30 days for disclosure; 法94-1, 法102-1: 30 for correction and suspension. */
  baseDays: number;
  pauses: readonly Pause[];
  /** 法83-2 (法94-2, 法102-2): the extension, 0 when none. */
  extendedDays: number;
  /** 法84: the days within which a part is decided (replaces baseDays and the extension). */
  largeDays: number | null;
}

/** One step of the arithmetic, for the handler and the auditor (PeriodsView.steps). */
export interface Step {
  label: string;
  date: string;
}

export interface Due {
  /** Null while a 補正 is open (the clock stopped). */
  dueOn: string | null;
  /** The due date without the extension (法83-2: the extension is decided before it). */
  originalDueOn: string | null;
  pausedDays: number | null;
  steps: Step[];
}

/**
 * The due date of a request (法83, 法84, 法94, 法102): receipt + the period (+ the extension) + the
 * paused days, the end rolled to a working day. The extension lengthens the statutory period
 * (法83-2 「同項に規定する期間を…延長」), so only the end of the whole period is rolled.
 */
export function dueDate(input: DueInput): Due {
  const { receivedOn, firstDayCounted } = input;
  const paused = pausedDays(input.pauses);
  const large = input.largeDays !== null;
  const days = large ? (input.largeDays as number) : input.baseDays;
  const extended = large ? 0 : input.extendedDays;
  const steps: Step[] = [
    { label: '受付日', date: receivedOn },
    {
      label: firstDayCounted ? '起算日（初日算入）' : '起算日（初日不算入）',
      date: firstDayCounted ? receivedOn : addDays(receivedOn, 1),
    },
  ];
  let end = periodEnd(receivedOn, days, firstDayCounted);
  steps.push({ label: large ? `特例（法84） ${days}日` : `期間 ${days}日`, date: end });
  for (const p of input.pauses) {
    if (p.answeredOn === null) {
      steps.push({ label: '補正中（期限停止）', date: p.askedOn });
      continue;
    }
    const n = daysBetween(p.askedOn, p.answeredOn);
    end = addDays(end, n);
    steps.push({ label: `補正期間（不算入）${n}日`, date: end });
  }
  if (paused === null) return { dueOn: null, originalDueOn: null, pausedDays: null, steps };
  const roll = (d: string) => (input.rollToBusinessDay ? rollToBusinessDay(d) : d);
  const originalDueOn = roll(end);
  if (extended > 0) {
    end = addDays(end, extended);
    steps.push({ label: `延長 ${extended}日`, date: end });
  }
  const dueOn = roll(end);
  if (dueOn !== end) steps.push({ label: '閉庁日のため翌開庁日', date: dueOn });
  steps.push({ label: '決定期限', date: dueOn });
  return { dueOn, originalDueOn, pausedDays: paused, steps };
}

/**
 * 法90-3, 法98-3: correction and suspension are requested within `days` (90) of the day the
 * disclosure was carried out.
 */
export function remedyUntil(carriedOutOn: string, days: number, rules: DayRules): string {
  return deadline(carriedOutOn, days, rules);
}

/** 法87-3: the method of disclosure is chosen within `days` (30) of the notice of the decision. */
export function methodChoiceUntil(noticeSentOn: string, days: number, rules: DayRules): string {
  return deadline(noticeSentOn, days, rules);
}
