/** The vault's shared definitions (issue 6): record schemas, field values, their display. */
export * from './field-types.ts';
export * from './value-codes.ts';
export * from './import-codes.ts';
export * from './field-values.ts';
export * from './field-display.ts';
export * from './era-dates.ts';
export * from './my-number.ts';
export * from './derive-schema.ts';
