/** Hiragana to katakana (ぁ–ゖ, ゝゞ → ァ–ヶ, ヽヾ); everything else unchanged. Readings are kept in katakana. */
export const toKatakana = (s: string): string =>
  s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** A reading as stored: NFKC (half-width to full-width katakana), then hiragana to katakana, trimmed. */
export const normaliseKana = (s: string): string => toKatakana(s.normalize('NFKC')).trim();
