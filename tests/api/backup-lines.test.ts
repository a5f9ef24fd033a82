/**
 * The PostgreSQL restore reads each dumped table as JSON lines (server/platform/backup/pg-load.ts,
 * A27). Japanese text must come back whole even when a character's UTF-8 bytes are split between
 * two chunks of the stream (the benchmark found 学籍管理 restored as ��籍管理).
 */
import { describe, expect, it } from 'vitest';
import { lines } from '../../server/platform/backup/pg-load.ts';

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines(chunks)) out.push(line);
  return out;
}

describe('backup: JSON lines of a dump', () => {
  it('keeps a multi-byte character split between chunks, at every split point', async () => {
    const text = '["学籍管理","東京 教務係"]\n["架空 花子"]\n["最後の行"]';
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 1; at < bytes.length; at++) {
      expect(await collect([bytes.subarray(0, at), bytes.subarray(at)])).toEqual([
        '["学籍管理","東京 教務係"]',
        '["架空 花子"]',
        '["最後の行"]',
      ]);
    }
  });

  it('reads one byte at a time', async () => {
    const bytes = Buffer.from('["学"]\n["籍"]\n', 'utf8');
    expect(await collect([...bytes].map((b) => Uint8Array.of(b)))).toEqual(['["学"]', '["籍"]']);
  });
});
