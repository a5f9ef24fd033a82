import { describe, expect, it } from 'vitest';
import { publicEntry } from '../../../../tests/support/register-fixture.ts';
import { esc } from './public-html.ts';
import { fold, indexEntries, search } from './public-search.ts';

const entry = publicEntry;

describe('the public search (A20-2)', () => {
  const all = [
    entry({ id: 'a', name: '学籍ファイル', recordItems: ['学生番号', 'ＩＤ番号'] }),
    entry({ id: 'b', name: '図書館利用者ファイル', unitId: 'u2', purpose: '図書の貸出', kind: 'manual' }),
  ];
  const index = indexEntries(all);
  const ids = (q: Parameters<typeof search>[1]) => search(index, q).map((e) => e.id);

  it('folds full- and half-width and case, and needs every word', () => {
    expect(fold('ＡＢＣ ｶﾞｸｾｷ')).toBe('abc ガクセキ');
    expect(ids({ items: 'id番号' })).toEqual(['a']);
    expect(ids({ q: '図書　貸出' })).toEqual(['b']);
    expect(ids({ q: '図書 学籍' })).toEqual([]);
  });

  it('filters by field, kind and unit, and with nothing given lists everything', () => {
    expect(ids({})).toEqual(['a', 'b']);
    expect(ids({ name: '学籍' })).toEqual(['a']);
    expect(ids({ purpose: '学籍' })).toEqual(['a']);
    expect(ids({ kind: 'manual' })).toEqual(['b']);
    expect(ids({ unit: 'u2' })).toEqual(['b']);
    expect(ids({ department: '東京' })).toEqual(['a', 'b']);
  });

  it('escapes every value it writes into a page', () => {
    expect(esc(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });
});
