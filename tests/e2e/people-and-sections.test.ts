/**
 * Registering and editing people, and adding sections, in the browser (A3, A5-2): as the システム管理者
 * anywhere, as a 総括保護管理者 (東京高専の校長) only within the college. Server refusals show in Japanese,
 * next to the field they concern. Against the real built app and the demo organisation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  expectNoAxeViolations,
  openPage,
  demoApp,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

const TOKYO = '東京工業高等専門学校';
/** A fictional person; the employee number is outside the demo's E-numbers. */
const NEW_PERSON = {
  employeeNumber: 'T990001',
  familyName: '試験',
  givenName: '花子',
  familyNameKana: 'しけん',
  givenNameKana: 'ハナコ',
};
const NEW_SECTION = '個人番号事務室';
const MY_NUMBER_ERROR = '特定個人情報を取り扱う課等は、保有個人情報を取り扱う課等としても登録してください。';

/** The main menu (the breadcrumbs are a navigation too). */
const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

/** The text of the element that has focus. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** The error message tied to a field by aria-describedby. */
async function describedBy(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

describe.skipIf(!chromiumAvailable())('registering people and sections', () => {
  const app = demoApp();
  let page: Page;

  beforeAll(async () => {
    page = await openPage(app.browser);
    await signIn(page, app.server.url, DEMO.admin);
  });

  async function openNewPersonForm(p: Page) {
    await menu(p).getByRole('link', { name: '教職員' }).click();
    await heading(p, '教職員');
    await p.getByRole('link', { name: '教職員を登録する' }).click();
    await heading(p, '教職員の登録');
  }

  async function fillPerson(p: Page, person: typeof NEW_PERSON) {
    await p.getByLabel('職員番号', { exact: true }).fill(person.employeeNumber);
    await p.getByLabel('氏', { exact: true }).fill(person.familyName);
    await p.getByLabel('名', { exact: true }).fill(person.givenName);
    await p.getByLabel('氏（カナ）', { exact: true }).fill(person.familyNameKana);
    await p.getByLabel('名（カナ）', { exact: true }).fill(person.givenNameKana);
  }

  it('the システム管理者 registers a person at 東京 教務係 and sees them on their page', async () => {
    await openNewPersonForm(page);
    await expectNoAxeViolations(page);

    // Nothing filled: the summary takes focus and each field says what is missing.
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('入力内容に誤りがあります。').first().waitFor();
    expect(await focusedText(page)).toContain('入力内容に誤りがあります。');
    expect(await describedBy(page, '職員番号')).toContain('入力してください。');
    await expectNoAxeViolations(page);

    await fillPerson(page, NEW_PERSON);
    await page.getByLabel('メールアドレス', { exact: true }).fill('hanako.shiken@example.jp');
    await page.getByLabel('職名', { exact: true }).fill('事務補佐員');
    await page.getByLabel('学校等', { exact: true }).selectOption({ label: TOKYO });
    // The sections offered are those of the chosen unit.
    await page.getByLabel('課等', { exact: true }).selectOption({ label: '教務係' });
    await page.getByRole('button', { name: '登録する' }).click();

    await page.getByText('教職員を登録しました。').waitFor();
    await heading(page, '試験 花子');
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    const profile = (await page.locator('main dl').textContent()) ?? '';
    // The reading typed in hiragana is kept in katakana.
    for (const text of [
      'T990001',
      'シケン ハナコ',
      '教職員',
      '事務補佐員',
      TOKYO,
      '教務係',
      'hanako.shiken@example.jp',
      '在職',
    ]) {
      expect(profile).toContain(text);
    }
    await expectNoAxeViolations(page);
  });

  it('refuses the same employee number again with the server’s message next to the field', async () => {
    await openNewPersonForm(page);
    await fillPerson(page, { ...NEW_PERSON, givenName: '次郎', givenNameKana: 'ジロウ' });
    await page.getByLabel('学校等', { exact: true }).selectOption({ label: TOKYO });
    await page.getByRole('button', { name: '登録する' }).click();

    await page.getByText('この職員番号は既に登録されています。').first().waitFor();
    expect(await focusedText(page)).toContain('この職員番号は既に登録されています。');
    expect(await page.getByLabel('職員番号', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(page, '職員番号')).toContain('この職員番号は既に登録されています。');
    expect(new URL(page.url()).pathname).toBe('/people/new');
    await expectNoAxeViolations(page);
  });

  it('edits the person to not in office, the employee number read-only', async () => {
    await menu(page).getByRole('link', { name: '教職員' }).click();
    await heading(page, '教職員');
    await page.getByLabel('氏名・カナ・職員番号').fill(NEW_PERSON.employeeNumber);
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByRole('link', { name: '試験 花子' }).click();
    await heading(page, '試験 花子');

    await page.getByRole('link', { name: '編集' }).click();
    await heading(page, '教職員の情報の編集');
    const number = page.getByLabel('職員番号', { exact: true });
    expect(await number.inputValue()).toBe(NEW_PERSON.employeeNumber);
    expect(await number.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('在職', { exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByLabel('在職していない', { exact: true }).check();
    await page.getByRole('button', { name: '更新する' }).click();
    await page.getByText('教職員の情報を更新しました。').waitFor();
    await heading(page, '試験 花子');
    expect(await page.locator('main dl').textContent()).toContain('在職していない');
    await expectNoAxeViolations(page);
  });

  it('adds a section to 東京: My Numbers need held personal information too; then it is listed', async () => {
    await menu(page).getByRole('link', { name: '組織' }).click();
    await page.getByRole('link', { name: TOKYO }).click();
    await heading(page, TOKYO);
    await page.getByRole('link', { name: '課等を追加する' }).click();
    await heading(page, '課等の追加');
    await expectNoAxeViolations(page);

    await page.getByLabel('名称', { exact: true }).fill(NEW_SECTION);
    await page.getByLabel('特定個人情報を取り扱う', { exact: true }).check();
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText(MY_NUMBER_ERROR).first().waitFor();
    expect(await describedBy(page, '保有個人情報を取り扱う')).toContain(MY_NUMBER_ERROR);
    expect(await focusedText(page)).toContain('入力内容に誤りがあります。');
    await expectNoAxeViolations(page);

    await page.getByLabel('保有個人情報を取り扱う', { exact: true }).check();
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('課等を追加しました。').waitFor();
    await heading(page, TOKYO);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: NEW_SECTION }) });
    const text = (await item.first().textContent()) ?? '';
    expect(text).toContain('保有個人情報取扱');
    expect(text).toContain('特定個人情報取扱');
    await expectNoAxeViolations(page);

    // The same name twice in a unit: the server's 409, next to the name.
    await page.getByRole('link', { name: '課等を追加する' }).click();
    await heading(page, '課等の追加');
    await page.getByLabel('名称', { exact: true }).fill(NEW_SECTION);
    await page.getByRole('button', { name: '追加する' }).click();
    await page.getByText('同じ学校等に同じ名称の課等が既にあります。').first().waitFor();
    expect(await describedBy(page, '名称')).toContain('同じ学校等に同じ名称の課等が既にあります。');
    await expectNoAxeViolations(page);
  });

  it('marking an appointed person as not in office shows their appointment in the gap view', async () => {
    await menu(page).getByRole('link', { name: '教職員' }).click();
    await heading(page, '教職員');
    await page.getByLabel('氏名・カナ・職員番号').fill(DEMO.tokyoOfficer);
    await page.getByRole('button', { name: '検索' }).click();
    await page.locator('main table a').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '編集' }).click();
    await heading(page, '教職員の情報の編集');
    await page.getByLabel('在職していない', { exact: true }).check();
    await page.getByRole('button', { name: '更新する' }).click();
    await page.getByText('教職員の情報を更新しました。').waitFor();

    await menu(page).getByRole('link', { name: 'コンプライアンス点検' }).click();
    await heading(page, 'コンプライアンス点検');
    const row = page
      .getByRole('row')
      .filter({ hasText: '在職していない者の任命' })
      .filter({ hasText: '教務係' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('保護担当者');
  });

  it('the 校長 of 東京 registers people only in 東京, and the server’s refusal elsewhere is shown', async () => {
    const principal = await openPage(app.browser);
    await signIn(principal, app.server.url, DEMO.tokyoPrincipal);
    await openNewPersonForm(principal);
    // The units arrive after the form: wait for 東京 before reading the choices (read at once, the
    // list was sometimes still empty under load).
    await principal
      .getByLabel('学校等', { exact: true })
      .locator('option', { hasText: TOKYO })
      .waitFor({ state: 'attached' });
    const units = await principal.getByLabel('学校等', { exact: true }).locator('option').allTextContents();
    expect(units.filter((u) => u !== '学校等を選択してください')).toEqual([TOKYO]);
    expect(await principal.getByLabel('学校等', { exact: true }).inputValue()).not.toBe('');

    // A person of the headquarters: no edit offered; the form reached by its address is refused.
    await menu(principal).getByRole('link', { name: '教職員' }).click();
    await principal.getByLabel('氏名・カナ・職員番号').fill(DEMO.admin);
    await principal.getByRole('button', { name: '検索' }).click();
    await principal.locator('main table a').first().click();
    await principal.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await principal.getByRole('heading', { level: 2, name: '基本情報' }).waitFor();
    expect(await principal.getByRole('link', { name: '編集' }).count()).toBe(0);
    await principal.goto(`${principal.url()}/edit`);
    await heading(principal, '教職員の情報の編集');
    await principal.getByRole('button', { name: '更新する' }).click();
    await principal.getByText('この操作を行う権限がありません。').first().waitFor();
    expect(await focusedText(principal)).toContain('この操作を行う権限がありません。');
    await expectNoAxeViolations(principal);
    await principal.context().close();
  });
});
