/**
 * What the tests of individuals' requests over HTTP share (issue 12): the organisation of the tests
 * with the 総括管理者 and the 監査責任者, a registered file of 東京 教務係 naming its receiving office,
 * a client per person, an intake body with a fictional requester, and the text of a PDF. Every person is fictional.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IntakeInput, RequestStatus, RequestView } from '../../shared/api/requests.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { facilityHarness } from './facility-fixture.ts';
import type { Response } from './support/http-client.ts';

export const REQUESTER = '架空 花子';
export const OFFICE = '東京工業高等専門学校 学生課教務係（東京都八王子市椚田町1220-2）';

export async function requestsHarness(kind: DatabaseKind) {
  const api = await facilityHarness(kind);
  const { o, as, services } = api;
  const c = {
    manager: await as('tokyoKyomuHead'),
    chief: await as('tokyoPrincipal'),
    chiefManager: await as('director1'),
    auditor: await as('auditor'),
    staff: await as('tokyoKyomuStaff1'),
    outsider: await as('tokyoToshoHead'),
    stranger: await as('nagaokaStaff'),
  };
  const fileId = await fileAt(
    services,
    { unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu },
    'registered',
    { name: '学籍ファイル', requestOffice: OFFICE },
  );
  const body = (over: Partial<IntakeInput> = {}): IntakeInput => ({
    kind: 'disclosure',
    sectionId: o.sections.tokyoKyomu,
    channel: 'counter',
    receivedOn: '2026-11-27',
    requesterKind: 'self',
    requester: {
      name: REQUESTER,
      nameKana: 'カクウ ハナコ',
      birthDate: '2008-04-02',
      address: '東京都八王子市架空町1-2-3',
      studentNumber: 'T24001',
    },
    content: '在学中の成績に関する記録の一切',
    fileIds: [fileId],
    identityMethod: 'student_or_staff_card',
    feeMethod: 'revenue_stamp',
    feePaidOn: '2026-11-27',
    preferredMethod: 'paper_copy',
    ...over,
  });
  const receive = async (over: Partial<IntakeInput> = {}) =>
    bodyOf<RequestView>(await c.manager.post('/api/requests', body(over)), 201);
  /** Moves a request as the decision part would (core.transition in a transaction). */
  const move = (id: string, from: RequestStatus[], patch: Record<string, unknown>) =>
    services.database.transaction((tx) => services.requests.core.transition(tx, id, from, patch));
  const audit = (type: string, subjectId?: string) =>
    services.ledger.list(services.database.db, { type, ...(subjectId ? { subjectId } : {}) });
  return { ...api, c, fileId, body, receive, move, audit };
}

/** All the text of a PDF, whitespace removed (extracted CJK text comes in runs split anywhere). */
export async function pdfText(res: Response): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(res.rawPayload) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items
      .map((it) => ('str' in it ? it.str : ''))
      .join('');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}
