import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  intakeInput,
  type Channel,
  type DeliveryMethod,
  type FeeMethod,
  type IdentityMethod,
  type IntakeInput,
  type RequestKind,
  type RequesterKind,
} from '../../../../shared/api/requests.ts';

/**
 * The intake form's values (flat strings, as the inputs hold them) and their check against the
 * contract's zod schema `intakeInput` (shared/api/requests.ts): the same rules as the server, with the
 * requester's fields flattened so that each error sits next to its field.
 */
export interface IntakeValues {
  kind: RequestKind;
  parentId: string;
  sectionId: string;
  channel: Channel | '';
  receivedOn: string;
  requesterKind: RequesterKind;
  representativeName: string;
  representativeRelation: string;
  name: string;
  nameKana: string;
  birthDate: string;
  address: string;
  phone: string;
  email: string;
  studentNumber: string;
  staffNumber: string;
  content: string;
  /** The register's files the request names (法77-1-2); none: every file. */
  fileIds: string[];
  identityMethod: IdentityMethod | '';
  feeMethod: FeeMethod | '';
  feePaidOn: string;
  preferredMethod: DeliveryMethod | '';
}

export const REQUESTER_FIELDS = [
  'name',
  'nameKana',
  'birthDate',
  'address',
  'phone',
  'email',
  'studentNumber',
  'staffNumber',
  'representativeName',
  'representativeRelation',
] as const;

export const FIELDS = [
  'kind',
  'parentId',
  'sectionId',
  'channel',
  'receivedOn',
  'requesterKind',
  ...REQUESTER_FIELDS,
  'content',
  'fileIds',
  'identityMethod',
  'feeMethod',
  'feePaidOn',
  'preferredMethod',
] as const;

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The body of POST /api/requests from the form's values (blank optional fields become null). */
export function toBody(v: IntakeValues): IntakeInput {
  const representative = v.requesterKind !== 'self';
  return {
    kind: v.kind,
    parentId: v.kind === 'disclosure' ? null : orNull(v.parentId),
    sectionId: v.sectionId,
    channel: v.channel as Channel,
    receivedOn: v.receivedOn,
    requesterKind: v.requesterKind,
    requester: {
      name: v.name,
      nameKana: orNull(v.nameKana),
      birthDate: orNull(v.birthDate),
      address: orNull(v.address),
      phone: orNull(v.phone),
      email: orNull(v.email),
      studentNumber: orNull(v.studentNumber),
      staffNumber: orNull(v.staffNumber),
      representativeName: representative ? orNull(v.representativeName) : null,
      representativeRelation: representative ? orNull(v.representativeRelation) : null,
    },
    content: v.content,
    fileIds: [...new Set(v.fileIds)],
    identityMethod: v.identityMethod as IdentityMethod,
    // 法89: correction and suspension cost nothing.
    feeMethod: v.kind === 'disclosure' ? (v.feeMethod as FeeMethod) : 'none',
    feePaidOn: v.kind === 'disclosure' && v.feeMethod !== 'exempt' ? orNull(v.feePaidOn) : null,
    preferredMethod: v.kind === 'disclosure' ? (v.preferredMethod as DeliveryMethod) || null : null,
  };
}

/** 'requester.name' → 'name': the server's and the schema's paths on the flat form. */
export const flatName = (path: string): string => path.replace(/^requester\./, '');

/** Checks the values with the contract's schema; a representative must be named (法76-2). */
export const intakeResolver: Resolver<IntakeValues> = (values) => {
  const errors: FieldErrors<IntakeValues> = {};
  const set = (name: string, type: string, message: string) => {
    const key = name as keyof IntakeValues;
    if (FIELDS.includes(key) && !errors[key]) errors[key] = { type, message };
  };
  const parsed = intakeInput.safeParse(toBody(values));
  if (!parsed.success)
    for (const issue of parsed.error.issues) set(flatName(issue.path.join('.')), issue.code, issue.message);
  if (values.requesterKind !== 'self' && values.representativeName.trim() === '')
    set('representativeName', 'too_small', '');
  if (values.kind === 'disclosure' && values.feeMethod === 'none') set('feeMethod', 'invalid_value', '');
  return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
};
