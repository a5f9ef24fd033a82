/**
 * Training in the browser (issue 10; A10-3, A10-4), against the built app and the demo: the
 * 総括保護管理者 of 東京 creates a course for the unit's staff with an in-person session and online
 * material; the 保護管理者 of 東京 教務係 enrols a member of the section and records the completion
 * (A10-4); that person sees the course completed on their own training page, and another member of
 * staff completes the online material themself after confirming. Every page is axe-clean.
 */
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  demoApp,
  expectNoAxeViolations,
  openPage,
  type Page,
} from '../support/browser.ts';
import { DEMO, heading, signIn } from './e2e-helpers.ts';

/** Today in Tokyo as a date input's value (the server's clock is the real one here). */
const today = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumAvailable())('training (issue 10, A10)', () => {
  const app = demoApp();

  const as = async (employeeNumber: string): Promise<Page> => {
    const page = await openPage(app.browser);
    await signIn(page, app.server.url, employeeNumber);
    await heading(page, 'ホーム');
    return page;
  };
  const menu = (page: Page) =>
    page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '研修', exact: true });

  it('a keeper creates a course, the 保護管理者 records completion, and the person sees it completed', async () => {
    const title = `個人情報の取扱い研修 ${Date.now() % 100000}`;

    // A10-3: the unit's 総括保護管理者 keeps the unit's courses.
    const keeper = await as(DEMO.tokyoPrincipal);
    await menu(keeper).click();
    await heading(keeper, '研修');
    await keeper.getByRole('link', { name: '研修コースの一覧' }).click();
    await heading(keeper, '研修コース');
    await expectNoAxeViolations(keeper);
    await keeper.getByRole('link', { name: '研修コースを作成' }).click();
    await heading(keeper, '研修コースを作成');
    await keeper.getByRole('radio', { name: '管理者・担当者向け' }).check();
    await keeper.getByText('保護管理者及び保護担当者への研修（第10条第3項、総括保護管理者）').waitFor();
    await keeper.getByRole('radio', { name: '課等単位の参加' }).check();
    await keeper.getByRole('button', { name: '作成する' }).click();
    await keeper.getByRole('button', { name: '研修名' }).waitFor(); // the error summary
    await keeper.getByLabel('研修名').fill(title);
    // The unit's course: the unit is chosen for its 総括保護管理者.
    expect(await keeper.getByLabel('実施する組織').locator('option:checked').textContent()).toBe(
      '東京工業高等専門学校',
    );
    await keeper
      .getByRole('group', { name: '学校等' })
      .getByRole('checkbox', { name: '東京工業高等専門学校' })
      .check();
    await keeper.getByRole('checkbox', { name: '保管庫の権限の前提とする' }).check();
    await expectNoAxeViolations(keeper);
    await keeper.getByRole('button', { name: '作成する' }).click();
    await heading(keeper, title);
    await keeper.getByText('研修コースを作成しました。').waitFor();
    await keeper.getByText('課等単位の参加', { exact: true }).waitFor();
    await keeper.getByText('第10条第4項').waitFor();
    await keeper.getByText('保管庫の権限の前提', { exact: true }).waitFor();

    // The material (A10: 教材), a PDF.
    await keeper.getByLabel('教材のファイル').setInputFiles({
      name: '個人情報保護研修資料.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n% fictional training material\n%%EOF\n'),
    });
    await keeper.getByRole('button', { name: '教材を登録する' }).click();
    await keeper.getByText('教材を登録しました。').waitFor();
    await keeper.getByRole('link', { name: '個人情報保護研修資料.pdf' }).waitFor();

    // An in-person session today …
    await keeper.getByLabel('実施日').fill(today());
    await keeper.getByLabel('場所').fill('東京高専 第1会議室');
    await keeper.getByLabel('定員').fill('30');
    await keeper.getByRole('button', { name: '実施回を追加する' }).click();
    await heading(keeper, new RegExp(`^${title}（`));
    await keeper.getByText('実施回を追加しました。').waitFor();
    await expectNoAxeViolations(keeper);
    // … and online material open for two weeks.
    await keeper.getByRole('link', { name: title }).first().click();
    await heading(keeper, title);
    await keeper.getByRole('radio', { name: 'オンライン教材' }).check();
    await keeper.getByLabel('公開開始日').fill(today());
    await keeper.getByLabel('公開終了日').fill(inDays(14));
    await keeper.getByRole('button', { name: '実施回を追加する' }).click();
    await keeper.getByText('実施回を追加しました。').waitFor();

    // A10-4: the section's 保護管理者 enrols a member of the section and records the attendance.
    const manager = await as(DEMO.tokyoManager);
    await menu(manager).click();
    await heading(manager, '研修');
    await manager.getByRole('link', { name: '研修コースの一覧' }).click();
    await heading(manager, '研修コース');
    await manager.getByRole('link', { name: title }).click();
    await heading(manager, title);
    await manager
      .getByRole('table', { name: 'この研修の実施回' })
      .getByRole('row')
      .filter({ hasText: '集合研修' })
      .getByRole('link')
      .click();
    await heading(manager, new RegExp(`^${title}（`));
    const officer = manager.getByRole('row').filter({ hasText: DEMO.tokyoOfficer });
    await officer.getByText('未申込').waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByRole('button', { name: '選んだ人を受講者に申し込む' }).click();
    await manager.getByText('対象者を1人以上選んでください。').waitFor();
    await officer.getByRole('checkbox').check();
    await manager.getByRole('button', { name: '選んだ人を受講者に申し込む' }).click();
    await manager.getByText('受講者に申し込みました。').waitFor();
    await officer.getByText('申込済').waitFor();
    await officer.getByRole('checkbox').check();
    await manager.getByRole('button', { name: '選んだ人の出席・修了を記録する' }).click();
    await manager.getByText('出席・修了を記録しました。').waitFor();
    await officer.getByText('修了', { exact: true }).waitFor();
    await expectNoAxeViolations(manager);

    // The person sees the course completed on their own page.
    const person = await as(DEMO.tokyoOfficer);
    await menu(person).click();
    await heading(person, '研修');
    const mine = person
      .getByRole('table', { name: 'あなたが受講する必要のある研修' })
      .getByRole('row')
      .filter({ hasText: title });
    await mine.getByText('修了', { exact: true }).waitFor();
    await expectNoAxeViolations(person);

    // Another member of the unit takes the online material and says so after confirming.
    const staff = await as(DEMO.staff);
    await menu(staff).click();
    await heading(staff, '研修');
    const due = staff
      .getByRole('table', { name: 'あなたが受講する必要のある研修' })
      .getByRole('row')
      .filter({ hasText: title });
    await due.getByText('未受講', { exact: true }).waitFor();
    await due.getByRole('link', { name: 'オンライン教材で受講' }).click();
    await heading(staff, new RegExp(`^${title}（`));
    await staff.getByText('まだ修了していません。').waitFor();
    // Everyone in the audience may open the material (the download keeps to the API, no name in the URL).
    const href = await staff.getByRole('link', { name: '個人情報保護研修資料.pdf' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/training\/courses\/[0-9a-f-]+\/material$/);
    const material = await staff.context().request.get(`${app.server.url}${href}`);
    expect(material.status()).toBe(200);
    expect((await material.body()).toString()).toContain('fictional training material');
    await staff.getByRole('button', { name: '受講を完了する' }).click();
    const dialog = staff.getByRole('dialog', { name: '受講の完了' });
    await dialog.getByRole('button', { name: '修了を記録する' }).click();
    await dialog.getByText('確認のチェックを入れてください。').first().waitFor();
    await expectNoAxeViolations(staff);
    await dialog.getByRole('checkbox', { name: '教材を最後まで読み、内容を理解しました' }).check();
    await dialog.getByRole('button', { name: '修了を記録する' }).click();
    await staff.getByText(/日に修了しました。$/).waitFor();
    await menu(staff).click();
    await heading(staff, '研修');
    await due.getByText('修了', { exact: true }).waitFor();
    await expectNoAxeViolations(staff);
  });
});
