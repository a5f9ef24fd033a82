/**
 * Register entries for tests (issue 5, A20): fictional files in the shape of 別紙様式1, and files
 * brought to a state through the services as the system actor.
 */
import type { EntryFieldsInput, PublicEntryView } from '../../shared/api/register.ts';
import type { Services } from '../../server/app.ts';
import { systemCtx } from '../../server/platform/context.ts';

const sys = systemCtx('register fixture');

/** The 学籍ファイル of a college (demo-data.md #1), with any field overridden. */
export const sampleFields = (overrides: Partial<EntryFieldsInput> = {}): EntryFieldsInput => ({
  name: '学籍ファイル',
  department: '東京工業高等専門学校 学生課教務係',
  purpose: '学生の学籍に関する事務（入学、在学、休学、退学、卒業等）を行うため',
  recordItems: ['学生番号', '氏名', 'フリガナ', '性別', '生年月日', '現住所', '電話番号'],
  recordRange: '在籍する（した）本科学生',
  collectionMethod: '本人・保証人の届出',
  sensitive: false,
  requestOffice: '独立行政法人国立高等専門学校機構 本部事務局総務課（東京都八王子市東浅川町701-2）',
  kind: 'computer',
  ...overrides,
});

export type FileStage = 'draft' | 'submitted' | 'registered';

/** A file of a section, brought to `stage` by the system actor; its id. */
export async function fileAt(
  services: Services,
  where: { unitId: string; sectionId: string },
  stage: FileStage,
  overrides: Partial<EntryFieldsInput> = {},
): Promise<string> {
  const files = services.register.files;
  const { id } = await files.create(sys, { ...where, fields: sampleFields(overrides) });
  if (stage === 'draft') return id;
  await files.submit(sys, id);
  if (stage === 'submitted') return id;
  await files.accept(sys, id);
  return id;
}

/** One entry as the public register shows it (a fictional 学籍ファイル), with any field replaced. */
export const publicEntry = (over: Partial<PublicEntryView> = {}): PublicEntryView => ({
  id: 'x',
  unitId: 'u1',
  unitName: '東京',
  name: '学籍ファイル',
  agencyName: '独立行政法人国立高等専門学校機構',
  department: '東京工業高等専門学校 教務係',
  purpose: '学籍に関する事務',
  recordItems: ['学生番号', '氏名'],
  recordRange: '在籍学生',
  collectionMethod: '届出',
  sensitive: false,
  regularRecipients: '',
  requestOffice: '本部事務局総務課',
  specialProcedures: '',
  kind: 'computer',
  rei20Para7: false,
  anonProposalsInvited: false,
  anonProposalOffice: '',
  anonInfoSummary: '',
  anonInfoOffice: '',
  anonInfoPeriod: '',
  remarks: '',
  updatedAt: '2026-11-29T00:00:00.000Z',
  ...over,
});
