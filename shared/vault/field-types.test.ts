import { describe, expect, it } from 'vitest';
import { fieldDefinition, recordSchema, type FieldDefinitionInput } from './field-types.ts';

const base: FieldDefinitionInput = { key: 'name', label: '氏名', type: 'text', sensitivity: 'normal' };

/** The stable codes of the issues a definition raises ('' when it is accepted). */
function issues(f: Partial<FieldDefinitionInput>): string[] {
  const r = fieldDefinition.safeParse({ ...base, ...f });
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('a field of a record schema', () => {
  it('is accepted with defaults: optional, not searchable', () => {
    expect(fieldDefinition.parse(base)).toEqual({ ...base, required: false, searchable: 'none' });
  });

  it('has a stable ascii key', () => {
    for (const key of ['name', 'f01', 'birth_date', 'a'.repeat(40)]) expect(issues({ key })).toEqual([]);
    for (const key of ['', 'Name', '1name', '_x', 'name-kana', '氏名', 'a'.repeat(41)])
      expect(issues({ key })).toEqual(['field_key']);
  });

  it('has a label of 1–100 characters', () => {
    expect(issues({ label: ' ' })).not.toEqual([]);
    expect(issues({ label: 'あ'.repeat(101) })).not.toEqual([]);
  });

  // A7の2 / A11の2: 個人番号 is handled as 特定個人情報 and nothing else is.
  it('is a My Number field exactly when its sensitivity is my_number', () => {
    expect(issues({ type: 'my_number', sensitivity: 'my_number' })).toEqual([]);
    expect(issues({ type: 'my_number', sensitivity: 'sensitive' })).toEqual(['my_number_sensitivity']);
    expect(issues({ type: 'my_number', sensitivity: 'normal' })).toEqual(['my_number_sensitivity']);
    expect(issues({ type: 'text', sensitivity: 'my_number' })).toEqual(['my_number_sensitivity']);
  });

  it('is found through its blind index only where that makes sense', () => {
    expect(issues({ type: 'note', searchable: 'exact' })).toEqual(['note_not_searchable']);
    expect(issues({ type: 'my_number', sensitivity: 'my_number', searchable: 'exact' })).toEqual([]);
    expect(issues({ type: 'my_number', sensitivity: 'my_number', searchable: 'prefix' })).toEqual([
      'prefix_not_allowed',
    ]);
    expect(issues({ type: 'date', searchable: 'prefix' })).toEqual(['prefix_not_allowed']);
    expect(issues({ type: 'kana', searchable: 'prefix' })).toEqual([]);
    expect(issues({ searchable: 'exact', sensitivity: 'sensitive' })).toEqual([]);
  });

  it('has 1–100 distinct choices when it is a choice, and none otherwise', () => {
    expect(issues({ type: 'choice', choices: ['入寮', '退寮'] })).toEqual([]);
    expect(issues({ type: 'choice' })).toEqual(['choices_required']);
    expect(issues({ type: 'choice', choices: [] })).not.toEqual([]);
    expect(issues({ type: 'choice', choices: ['入寮', ' '] })).not.toEqual([]);
    expect(issues({ type: 'choice', choices: ['入寮', ' 入寮 '] })).toEqual(['choices_not_distinct']);
    expect(issues({ type: 'choice', choices: Array.from({ length: 101 }, (_, i) => `c${i}`) })).not.toEqual(
      [],
    );
    expect(issues({ type: 'text', choices: ['a'] })).toEqual(['choices_only_for_choice']);
  });

  it('has a longest length only as a text or a note, within its limit', () => {
    expect(issues({ type: 'text', maxLength: 1000 })).toEqual([]);
    expect(issues({ type: 'text', maxLength: 1001 })).toEqual(['max_length_too_large']);
    expect(issues({ type: 'note', maxLength: 20000 })).toEqual([]);
    expect(issues({ type: 'kana', maxLength: 10 })).toEqual(['max_length_only_for_text']);
    expect(issues({ type: 'text', maxLength: 0 })).not.toEqual([]);
  });
});

describe('a record schema', () => {
  it('has a positive version and 1–200 fields with distinct keys', () => {
    expect(recordSchema.safeParse({ version: 1, fields: [base] }).success).toBe(true);
    expect(recordSchema.safeParse({ version: 0, fields: [base] }).success).toBe(false);
    expect(recordSchema.safeParse({ version: 1.5, fields: [base] }).success).toBe(false);
    expect(recordSchema.safeParse({ version: 1, fields: [] }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, i) => ({ ...base, key: `f${i}` }));
    expect(recordSchema.safeParse({ version: 1, fields: many }).success).toBe(false);
    expect(recordSchema.safeParse({ version: 1, fields: many.slice(0, 200) }).success).toBe(true);
  });

  it('refuses two fields with the same key, pointing at the second', () => {
    const r = recordSchema.safeParse({ version: 2, fields: [base, { ...base, label: '氏名（旧）' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['fields', 1, 'key'], message: 'duplicate_key' }),
    ]);
  });
});
