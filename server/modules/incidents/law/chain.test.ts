/**
 * The rule's chain (A34): no step is skipped, except where the rule says 直ちに — a 特に重大 incident
 * goes to the 総括保護管理者 before the investigation ends (A34-3 ただし), and a 特に重大 My Number
 * incident goes to the 個人情報保護委員会 right after (A34-7 ただし). The incident closes only when its
 * measures are done (A34-5) and the required reports, notice and publication decision are recorded.
 */
import { describe, expect, it } from 'vitest';
import type { Facts, IncidentStep } from '../../../../shared/api/incidents.ts';
import {
  nextActions,
  refuseClose,
  refuseStep,
  stepOptional,
  stepStatus,
  type ChainState,
  investigationComplete,
} from './chain.ts';
import { decidePpc } from './ppc-decision.ts';

const AT = '2026-04-01T01:00:00.000Z';
const blank: Facts = {
  cause: null,
  damage: null,
  items: null,
  personsCount: null,
  sensitive: false,
  strongEncryption: false,
  financialRisk: false,
  wrongfulPurpose: false,
  myNumber: false,
  serious: false,
  secondaryDamage: null,
};
const investigated: Facts = {
  ...blank,
  cause: '持出し手順の不遵守',
  damage: '二次被害は確認されていない',
  items: '氏名、学籍番号、成績',
  personsCount: 40,
};

function state(
  facts: Facts,
  done: IncidentStep[] = [],
  over: Partial<Omit<ChainState, 'facts' | 'decision'>> = {},
): ChainState {
  return {
    facts,
    decision: decidePpc(facts, { personsThreshold: 100 }),
    steps: Object.fromEntries(done.map((s) => [s, { outcome: 'done' as const, at: AT }])),
    publish: null,
    ...over,
  };
}
const closable = { openMeasures: 0, noticeRecorded: false };

describe('the investigation (A34-3)', () => {
  it('is complete when cause, damage, items and the number of persons are known', () => {
    expect(investigationComplete(investigated)).toBe(true);
    expect(investigationComplete({ ...investigated, personsCount: null })).toBe(false);
    expect(investigationComplete({ ...investigated, cause: '  ' })).toBe(false);
    expect(investigationComplete({ ...investigated, personsCount: 0 })).toBe(true);
  });
});

describe('the chain cannot skip a step', () => {
  it('refuses the report to the 総括保護管理者 before the investigation is complete (A34-3)', () => {
    const s = state({ ...investigated, damage: null });
    expect(stepStatus('chief_protection', s)).toBe('waiting');
    expect(refuseStep('chief_protection', 'done', s)).toBe('incidents.investigation_incomplete');
    const after = state(investigated);
    expect(stepStatus('chief_protection', after)).toBe('pending');
    expect(refuseStep('chief_protection', 'done', after)).toBeNull();
  });

  it('takes a 特に重大 incident to the 総括保護管理者 直ちに, before the investigation ends', () => {
    const s = state({ ...blank, serious: true });
    expect(stepStatus('chief_protection', s)).toBe('pending');
    expect(refuseStep('chief_protection', 'done', s)).toBeNull();
    // … but the rest of the chain still waits its turn.
    expect(refuseStep('chief_manager', 'done', s)).toBe('incidents.step_out_of_order');
  });

  it('goes up one step at a time: 総括管理者 after A34-3, ministries after A34-4', () => {
    const s0 = state(investigated);
    expect(stepStatus('chief_manager', s0)).toBe('waiting');
    expect(refuseStep('chief_manager', 'done', s0)).toBe('incidents.step_out_of_order');
    expect(refuseStep('ministries', 'done', s0)).toBe('incidents.step_out_of_order');
    const s1 = state(investigated, ['chief_protection']);
    expect(refuseStep('chief_manager', 'done', s1)).toBeNull();
    expect(refuseStep('ministries', 'done', s1)).toBe('incidents.step_out_of_order');
    expect(refuseStep('ministries', 'not_needed', s1)).toBe('incidents.step_out_of_order');
    const s2 = state(investigated, ['chief_protection', 'chief_manager']);
    expect(stepStatus('ministries', s2)).toBe('pending');
    expect(refuseStep('ministries', 'done', s2)).toBeNull();
  });

  it('refuses a step twice', () => {
    const s = state(investigated, ['chief_protection']);
    expect(refuseStep('chief_protection', 'done', s)).toBe('incidents.step_done');
    expect(stepStatus('chief_protection', s)).toBe('done');
  });

  it('lets only A34-4 and A34-6 be judged not needed (事案の内容等に応じて)', () => {
    const s = state(investigated, ['chief_protection']);
    expect(stepOptional('chief_protection', state(investigated))).toBe(false);
    expect(refuseStep('chief_protection', 'not_needed', state(investigated))).toBe(
      'incidents.step_not_optional',
    );
    expect(stepOptional('chief_manager', s)).toBe(true);
    expect(refuseStep('chief_manager', 'not_needed', s)).toBeNull();
    // The 総括管理者 judged not needed: nothing goes on to the ministries.
    const skipped: ChainState = {
      ...s,
      steps: { ...s.steps, chief_manager: { outcome: 'not_needed', at: AT } },
    };
    expect(stepStatus('chief_manager', skipped)).toBe('not_needed');
    expect(stepStatus('ministries', skipped)).toBe('not_applicable');
    expect(refuseStep('ministries', 'done', skipped)).toBe('incidents.step_not_applicable');
  });
});

describe('a My Number incident (A34-7)', () => {
  const mine = { ...investigated, myNumber: true };

  it('goes to the 個人情報保護委員会 after the 総括管理者 is told, who may not be skipped', () => {
    const s1 = state(mine, ['chief_protection']);
    expect(stepStatus('ppc_my_number', s1)).toBe('waiting');
    expect(refuseStep('ppc_my_number', 'done', s1)).toBe('incidents.step_out_of_order');
    expect(refuseStep('chief_manager', 'not_needed', s1)).toBe('incidents.step_not_optional');
    const s2 = state(mine, ['chief_protection', 'chief_manager']);
    expect(stepStatus('ppc_my_number', s2)).toBe('pending');
    expect(refuseStep('ppc_my_number', 'not_needed', s2)).toBe('incidents.step_not_optional');
    expect(refuseStep('ppc_my_number', 'done', s2)).toBeNull();
  });

  it('when 特に重大, goes 直ちに right after the 総括保護管理者 — but not before', () => {
    const serious = { ...blank, myNumber: true, serious: true };
    expect(refuseStep('ppc_my_number', 'done', state(serious))).toBe('incidents.step_out_of_order');
    const s = state(serious, ['chief_protection']);
    expect(stepStatus('ppc_my_number', s)).toBe('pending');
    expect(refuseStep('ppc_my_number', 'done', s)).toBeNull();
  });

  it('does not apply to other incidents', () => {
    const s = state(investigated, ['chief_protection', 'chief_manager']);
    expect(stepStatus('ppc_my_number', s)).toBe('not_applicable');
    expect(refuseStep('ppc_my_number', 'done', s)).toBe('incidents.step_not_applicable');
  });
});

describe('the law’s track (法68①) and 総務省 (A35-2)', () => {
  it('asks for the 速報 then the 確報 only when the report is mandatory, alongside the chain', () => {
    const s = state({ ...investigated, personsCount: 101 });
    expect(stepStatus('ppc_preliminary', s)).toBe('pending');
    expect(stepStatus('ppc_final', s)).toBe('waiting');
    expect(refuseStep('ppc_final', 'done', s)).toBe('incidents.step_out_of_order');
    expect(refuseStep('ppc_preliminary', 'not_needed', s)).toBe('incidents.step_not_optional');
    expect(stepStatus('ppc_final', state({ ...investigated, personsCount: 101 }, ['ppc_preliminary']))).toBe(
      'pending',
    );
    const small = state(investigated);
    expect(stepStatus('ppc_preliminary', small)).toBe('not_applicable');
    expect(refuseStep('ppc_preliminary', 'done', small)).toBe('incidents.step_not_applicable');
    // While the count is unknown the decision is open: the steps wait for it.
    expect(stepStatus('ppc_preliminary', state(blank))).toBe('waiting');
    expect(refuseStep('ppc_preliminary', 'done', state(blank))).toBe('incidents.step_not_applicable');
  });

  it('informs 総務省 only of a published incident', () => {
    expect(stepStatus('mic_informed', state(investigated, [], { publish: true }))).toBe('pending');
    expect(stepStatus('mic_informed', state(investigated, [], { publish: false }))).toBe('not_applicable');
    expect(stepStatus('mic_informed', state(investigated))).toBe('waiting');
  });
});

describe('closing (A34-5)', () => {
  const finished = state(investigated, ['chief_protection'], { publish: false });

  it('is refused while a recurrence-prevention measure is open', () => {
    expect(refuseClose(finished, { openMeasures: 1, noticeRecorded: false })).toBe('incidents.measures_open');
    expect(refuseClose(finished, closable)).toBeNull();
  });

  it('is refused until the required reports, notice and publication decision are recorded', () => {
    expect(refuseClose(state(investigated, [], { publish: false }), closable)).toBe(
      'incidents.close_blocked',
    );
    expect(refuseClose(state(investigated, ['chief_protection']), closable)).toBe('incidents.close_blocked');
    const mandatory = { ...investigated, sensitive: true };
    const reported = state(mandatory, ['chief_protection', 'ppc_preliminary'], { publish: false });
    expect(refuseClose(reported, { openMeasures: 0, noticeRecorded: true })).toBe('incidents.close_blocked');
    const both = state(mandatory, ['chief_protection', 'ppc_preliminary', 'ppc_final'], { publish: false });
    expect(refuseClose(both, closable)).toBe('incidents.close_blocked'); // 法68②: no notice yet
    expect(refuseClose(both, { openMeasures: 0, noticeRecorded: true })).toBeNull();
    const published = state(investigated, ['chief_protection'], { publish: true });
    expect(refuseClose(published, closable)).toBe('incidents.close_blocked');
    expect(
      refuseClose(
        { ...published, steps: { ...published.steps, mic_informed: { outcome: 'done', at: AT } } },
        closable,
      ),
    ).toBeNull();
    const myNumber = state({ ...investigated, myNumber: true }, ['chief_protection', 'chief_manager'], {
      publish: false,
    });
    expect(refuseClose(myNumber, closable)).toBe('incidents.close_blocked');
  });

  it('is refused for a serious incident reported 直ちに until its investigation is complete', () => {
    const s = state({ ...blank, serious: true }, ['chief_protection'], { publish: false });
    expect(refuseClose(s, closable)).toBe('incidents.close_blocked');
  });
});

describe('who acts next', () => {
  it('starts with the investigation by the 保護管理者', () => {
    expect(
      nextActions(state(blank), { openMeasures: 0, measures: 0, noticeRecorded: false, closed: false }),
    ).toEqual([
      { action: 'investigate', actor: 'protection_manager', article: 'A34-3' },
      { action: 'publication', actor: 'chief_protection_manager', article: 'A35-1' },
      { action: 'measures', actor: 'protection_manager', article: 'A34-5' },
    ]);
  });

  it('lists the pending steps in the rule’s order, then notice, publication, measures', () => {
    const s = state({ ...investigated, personsCount: 250 }, ['chief_protection']);
    expect(
      nextActions(s, { openMeasures: 1, measures: 1, noticeRecorded: false, closed: false }).map((a) => [
        a.action,
        a.actor,
      ]),
    ).toEqual([
      ['chief_manager', 'chief_protection_manager'],
      ['ppc_preliminary', 'chief_manager'],
      ['notice', 'chief_protection_manager'],
      ['publication', 'chief_protection_manager'],
      ['measures', 'protection_manager'],
    ]);
  });

  it('offers closing once nothing blocks it, and nothing once closed', () => {
    const s = state(investigated, ['chief_protection'], { publish: false });
    const opts = { openMeasures: 0, measures: 2, noticeRecorded: false, closed: false };
    expect(nextActions(s, opts)).toEqual([
      { action: 'chief_manager', actor: 'chief_protection_manager', article: 'A34-4' },
      { action: 'close', actor: 'chief_protection_manager', article: 'A34-5' },
    ]);
    expect(nextActions(s, { ...opts, closed: true })).toEqual([]);
  });
});
