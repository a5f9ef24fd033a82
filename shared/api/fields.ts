import { z } from 'zod';
import { normaliseKana } from '../kana.ts';

/** A name reading in kana (フリガナ): katakana or hiragana, with long-vowel marks and spaces. */
export const kana = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s\u3000]+$/u, 'kana')
  .transform(normaliseKana);
