import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatEraDate, parseDate } from './era-dates.ts';

describe('dates as typed in an office, stored as YYYY-MM-DD', () => {
  it.each([
    ['2026-11-29', '2026-11-29'],
    ['2026/11/29', '2026-11-29'],
    ['2026/1/5', '2026-01-05'],
    ['2026.11.29', '2026-11-29'],
    ['2026年11月29日', '2026-11-29'],
    ['20261129', '2026-11-29'],
    ['２０２６－１１－２９', '2026-11-29'],
    ['２０２６／１１／２９', '2026-11-29'],
    [' 2026-11-29 ', '2026-11-29'],
    ['令和8年11月29日', '2026-11-29'],
    ['令和８年１１月２９日', '2026-11-29'],
    ['令和 8年 11月 29日', '2026-11-29'],
    ['R8.11.29', '2026-11-29'],
    ['r8/11/29', '2026-11-29'],
    ['Ｒ８．１１．２９', '2026-11-29'],
    ['R08-11-29', '2026-11-29'],
    ['㋿8年11月29日', '2026-11-29'],
    ['H15.4.1', '2003-04-01'],
    ['㍻15年4月1日', '2003-04-01'],
    ['S50.3.31', '1975-03-31'],
    ['昭和50年3月31日', '1975-03-31'],
    ['2028-02-29', '2028-02-29'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    // The last and first days of each era.
    ['平成31年4月30日', '2019-04-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['H1.1.8', '1989-01-08'],
    ['大正15年12月24日', '1926-12-24'],
    ['昭和元年12月25日', '1926-12-25'],
  ])('an era boundary: %j is %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['令和1年4月30日', 'era_out_of_range'],
    ['令和元年4月30日', 'era_out_of_range'],
    ['平成元年1月7日', 'era_out_of_range'],
    ['平成31年5月1日', 'era_out_of_range'],
    ['平成32年1月1日', 'era_out_of_range'],
    ['昭和64年1月8日', 'era_out_of_range'],
    ['昭和元年12月24日', 'era_out_of_range'],
    ['大正15年12月25日', 'era_out_of_range'],
    ['令和0年5月1日', 'invalid_date'],
    ['令和8年2月30日', 'invalid_date'],
    ['令和8年13月1日', 'invalid_date'],
    ['明治45年7月29日', 'invalid_date'],
    ['X8.11.29', 'invalid_date'],
    ['2026-02-29', 'invalid_date'],
    ['2026-11-31', 'invalid_date'],
    ['2026-00-10', 'invalid_date'],
    ['2026/11-29', 'invalid_date'],
    ['0226-11-29', 'invalid_date'],
    ['20266-11-29', 'invalid_date'],
    ['11/29/2026', 'invalid_date'],
    ['昨日', 'invalid_date'],
    ['', 'required'],
    ['   ', 'required'],
  ])('refuses %j (%s)', (input, code) => {
    expect(parseDate(input)).toEqual({ ok: false, code });
  });

  it('reads back what it writes in 和暦, for every day from 大正 to 2199', () => {
    const day = fc
      .integer({ min: Date.UTC(1912, 6, 30), max: Date.UTC(2199, 11, 31) })
      .map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        expect(parseDate(formatEraDate(iso))).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('dates written in 和暦', () => {
  it.each([
    ['2026-11-29', '令和8年11月29日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1900-01-01', '1900年1月1日'],
  ])('%s is %s', (iso, ja) => {
    expect(formatEraDate(iso)).toBe(ja);
  });

  it('throws on what is not a calendar day', () => {
    expect(() => formatEraDate('2026/11/29')).toThrow(RangeError);
  });
});
