/** The analysis rules of A22-1 over crafted entries (Tokyo times; 2026-11-23 is 勤労感謝の日). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../../../shared/api/log-analysis.ts';
import { analyse, type AnalysisInput, type EntryFacts } from './rules.ts';
import { outsideWorkingTime } from './working-time.ts';

let n = 0;
/** An access at a Tokyo wall-clock time ("2026-11-24 10:00"). */
function entry(tokyo: string, over: Partial<EntryFacts> = {}): EntryFacts {
  const at = new Date(Date.parse(`${tokyo.replace(' ', 'T')}:00.000+09:00`)).toISOString();
  return {
    id: `e${++n}`,
    kind: 'access',
    occurredAt: at,
    actorId: 'alice',
    outcome: 'ok',
    terminalId: 't1',
    sectionId: 's1',
    recordCount: 1,
    myNumber: false,
    ...over,
  };
}

const input = (entries: EntryFacts[], over: Partial<AnalysisInput> = {}): AnalysisInput => ({
  settings: DEFAULT_ANALYSIS_SETTINGS,
  entries,
  volumes: new Map(),
  periodWeeks: 1,
  isHandler: () => false,
  ...over,
});

describe('working time (A22-1)', () => {
  it('weekday 08:30–17:15 in Tokyo is working time; holidays, weekends and 年末年始 are not', () => {
    const at = (s: string) => outsideWorkingTime(entry(s).occurredAt, DEFAULT_ANALYSIS_SETTINGS);
    expect(at('2026-11-24 08:30')).toBeNull();
    expect(at('2026-11-24 17:14')).toBeNull();
    expect(at('2026-11-24 08:29')).toBe('night');
    expect(at('2026-11-24 17:15')).toBe('night');
    expect(at('2026-11-23 10:00')).toBe('holiday'); // 勤労感謝の日
    expect(at('2026-11-28 10:00')).toBe('weekend');
    expect(at('2026-12-29 10:00')).toBe('closed_day');
    expect(at('2027-01-04 10:00')).toBeNull();
  });
});

describe('analysis rules (A22-1)', () => {
  it('an access on a Japanese holiday and one at night are flagged for that person', () => {
    const found = analyse(
      input([
        entry('2026-11-23 10:00'),
        entry('2026-11-24 22:30'),
        entry('2026-11-24 10:00'),
        entry('2026-11-24 23:00', { actorId: 'bob', outcome: 'denied' }),
      ]),
    );
    const off = found.filter((f) => f.rule === 'off_hours');
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({
      actorId: 'alice',
      count: 2,
      detail: { night: 1, holiday: 1, weekend: 0 },
    });
  });

  it('a read of 100 records in one access is a bulk read; 99 is not', () => {
    const found = analyse(
      input([
        entry('2026-11-24 10:00', { recordCount: 150 }),
        entry('2026-11-24 11:00', { recordCount: 99 }),
      ]),
    );
    expect(found.filter((f) => f.rule === 'bulk_read')).toEqual([
      expect.objectContaining({ actorId: 'alice', count: 1, detail: { maxRecords: 150, records: 150 } }),
    ]);
  });

  it('a volume above three times one’s own baseline and at least 50 is flagged', () => {
    const volumes = new Map([
      ['alice', { current: 61, baselinePerWeek: 20 }], // 3× = 60 → flagged
      ['bob', { current: 60, baselinePerWeek: 20 }], // not above 3×
      ['carol', { current: 49, baselinePerWeek: 0 }], // below the minimum
      ['dave', { current: 50, baselinePerWeek: 0 }], // no history
    ]);
    const found = analyse(input([], { volumes })).filter((f) => f.rule === 'volume_spike');
    expect(found.map((f) => [f.actorId, f.detail])).toEqual([
      ['alice', { volume: 61, baseline: 20 }],
      ['dave', { volume: 50, baseline: 0 }],
    ]);
  });

  it('five refusals within an hour are repeated denials; five spread over two hours are not', () => {
    const within = ['10:00', '10:10', '10:20', '10:30', '10:59'].map((t) =>
      entry(`2026-11-24 ${t}`, { outcome: 'denied', kind: 'audit' }),
    );
    const spread = ['10:00', '10:30', '11:00', '11:30', '12:00'].map((t) =>
      entry(`2026-11-25 ${t}`, { outcome: 'denied', actorId: 'bob' }),
    );
    const found = analyse(input([...within, ...spread])).filter((f) => f.rule === 'repeated_denials');
    expect(found).toEqual([
      expect.objectContaining({ actorId: 'alice', count: 5, detail: { maxInWindow: 5 } }),
    ]);
  });

  it('reads from an unregistered terminal, and My Numbers read by a non-handler, are flagged', () => {
    const found = analyse(
      input(
        [
          entry('2026-11-24 10:00', { terminalId: null }),
          entry('2026-11-24 10:00', { myNumber: true, actorId: 'bob' }),
          entry('2026-11-24 10:00', { myNumber: true, actorId: 'handler' }),
        ],
        {
          isHandler: (person, day, section) =>
            person === 'handler' && day === '2026-11-24' && section === 's1',
        },
      ),
    );
    expect(found.map((f) => [f.rule, f.actorId])).toEqual([
      ['unregistered_terminal', 'alice'],
      ['my_number_non_handler', 'bob'],
    ]);
  });

  it('a disabled rule finds nothing', () => {
    const settings = { ...DEFAULT_ANALYSIS_SETTINGS, disabled: ['off_hours' as const] };
    expect(analyse(input([entry('2026-11-23 10:00')], { settings }))).toEqual([]);
  });
});
