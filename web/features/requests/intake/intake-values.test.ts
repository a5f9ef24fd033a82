import { describe, expect, it } from 'vitest';
import { intakeResolver, toBody, type IntakeValues } from './intake-values.ts';

/** The intake form's check (shared/api/requests.ts intakeInput) and the body it sends (issue 12; 法76-2, 法89). */
const values = (patch: Partial<IntakeValues> = {}): IntakeValues => ({
  kind: 'disclosure',
  parentId: '',
  sectionId: 'sec-1',
  channel: 'counter',
  receivedOn: '2026-11-30',
  requesterKind: 'self',
  representativeName: '',
  representativeRelation: '',
  name: '架空 花子',
  nameKana: '',
  birthDate: '',
  address: '',
  phone: '',
  email: '',
  studentNumber: '',
  staffNumber: '',
  content: '学籍に関する記録',
  fileIds: [],
  identityMethod: 'passport',
  feeMethod: 'cash',
  feePaidOn: '2026-11-30',
  preferredMethod: '',
  ...patch,
});

const errorsOf = async (v: IntakeValues) =>
  Object.keys((await intakeResolver(v, undefined, { fields: {}, shouldUseNativeValidation: false })).errors);

describe('the intake form (issue 12)', () => {
  it('sends blank optional particulars as null and nothing a representative typed for a self request', () => {
    const body = toBody(values({ representativeName: '架空 代理', birthDate: '' }));
    expect(body.requester).toMatchObject({ birthDate: null, email: null, representativeName: null });
    expect(body.preferredMethod).toBeNull();
    expect(body.fileIds).toEqual([]);
  });

  it('sends the register files chosen (法77-1-2), each once', () => {
    expect(toBody(values({ fileIds: ['file-2', 'file-1', 'file-2'] })).fileIds).toEqual(['file-2', 'file-1']);
  });

  it('costs nothing for correction and suspension (法89), and keeps the disclosure it follows', () => {
    const body = toBody(values({ kind: 'correction', parentId: 'req-1', feeMethod: 'cash' }));
    expect(body).toMatchObject({ feeMethod: 'none', feePaidOn: null, parentId: 'req-1' });
    expect(toBody(values({ feeMethod: 'exempt' })).feePaidOn).toBeNull();
  });

  it('refuses a request without a name, content or identity document, by field', async () => {
    expect(await errorsOf(values())).toEqual([]);
    expect((await errorsOf(values({ name: ' ', content: '', identityMethod: '' }))).sort()).toEqual([
      'content',
      'identityMethod',
      'name',
    ]);
    expect(await errorsOf(values({ birthDate: '30/11/2000' }))).toEqual(['birthDate']);
  });

  it('asks for the representative’s name when a representative requests (法76-2)', async () => {
    expect(await errorsOf(values({ requesterKind: 'agent' }))).toEqual(['representativeName']);
    expect(await errorsOf(values({ requesterKind: 'agent', representativeName: '架空 代理' }))).toEqual([]);
  });
});
