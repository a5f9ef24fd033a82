/** Small rules the feature forms share: what a required text is, how an optional one is sent, what a checkbox group gives. */

/** A react-hook-form rule: the text must hold more than white space; `message` is shown otherwise. */
export const required = (message: string) => ({
  validate: (v: string) => v.trim().length > 0 || message,
});

/** An optional text as the contracts want it: trimmed, or null when empty. */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

/** The values of a checkbox group (a group of one may come back as a single value or false). */
export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : [];
