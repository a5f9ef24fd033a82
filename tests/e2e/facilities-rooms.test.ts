/**
 * Server rooms in the browser (issue 11; A32, A33), against the built app and the demo: at the
 * tablet by the door of 東京's サーバ室 (landscape and portrait), the 保護管理者 of 東京 教務係 (E150007)
 * records a visitor — the form refuses a visitor without an escort (立会い, A32-1) and the server's
 * refusal shows plainly; with an escort the visitor is inside, and the exit clears it. The room's
 * page shows the entry in the log with the visitor's name, and an inspection of every safeguard
 * (A33) is recorded. Every page is axe-clean; touch targets are at least 48 px.
 */
import { describe, expect, it } from 'vitest';
import { doorView, entryView, roomListView, type DoorView } from '../../shared/api/facility-rooms.ts';
import { chromiumAvailable, demoApp, expectNoAxeViolations, type Page } from '../support/browser.ts';
import { DEMO, heading } from './e2e-helpers.ts';
import { shot, signedInAt } from './facilities-steps.ts';

const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

/** A call of the API from the signed-in page (same cookies, the CSRF token as the app sends it). */
const call = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const { token } = (await (await fetch('/api/csrf')).json()) as { token: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    { method, url, body },
  );

/** Every visible button and radio card on the screen is at least 48 px high (a finger's width). */
async function expectTouchTargets(page: Page): Promise<void> {
  const heights = await page
    .locator(
      'main button:visible, main label:has(input[type=radio]):visible, main input:not([type=radio]):visible',
    )
    .evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent ?? '', h: e.getBoundingClientRect().height })),
    );
  expect(heights.length).toBeGreaterThan(0);
  for (const { text, h } of heights) expect(h, `${text} is ${h}px high`).toBeGreaterThanOrEqual(48);
}

describe.skipIf(!chromiumAvailable())('server rooms (issue 11: A32, A33)', () => {
  const app = demoApp();
  const stamp = Date.now() % 100000;
  const visitor = `架空 来訪${stamp}`;
  const badge = `T${stamp}`;

  /** The demo's サーバ室 of 東京 教務係, or one made for this test when the demo has none. */
  async function serverRoom(page: Page): Promise<DoorView> {
    const list = roomListView.parse((await call(page, 'GET', '/api/facilities/rooms')).json);
    let id = list.rooms.find((r) => r.kind === 'server_room' && r.active && r.can.record)?.id;
    if (!id) {
      const section = list.keepableSections[0]!;
      const made = await call(page, 'POST', '/api/facilities/rooms', {
        name: `東京高専 サーバ室 ${stamp}`,
        kind: 'server_room',
        sectionId: section.id,
      });
      expect(made.status).toBe(201);
      id = (made.json as { id: string }).id;
      const me = (await call(page, 'GET', '/api/session')).json as { person: { id: string } };
      expect(
        (await call(page, 'POST', `/api/facilities/rooms/${id}/authorised`, { personId: me.person.id }))
          .status,
      ).toBe(201);
    }
    return doorView.parse((await call(page, 'GET', `/api/facilities/rooms/${id}/door`)).json);
  }

  it('at the door tablet the 保護管理者 records a visitor: not without an escort; inside with one; the exit clears it', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager, undefined, { viewport: LANDSCAPE, hasTouch: true });
    await heading(page, 'ホーム');
    const door = await serverRoom(page);
    const escort = door.authorised.find((p) => p.employeeNumber === DEMO.tokyoManager)!;
    expect(escort).toBeTruthy();

    await page.goto(`${app.server.url}/facilities/rooms/${door.room.id}/door`);
    await heading(page, door.room.name);
    // The door's screen has no navigation: only its own big buttons.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('heading', { name: /在室中の人/ }).waitFor();
    await expectTouchTargets(page);
    await expectNoAxeViolations(page);
    await shot(page, 'door-start-landscape');
    await page.setViewportSize(PORTRAIT);
    await shot(page, 'door-start-portrait');
    await page.setViewportSize(LANDSCAPE);

    await page.getByRole('button', { name: /^来訪者（部外者）/ }).click();
    await page.getByRole('heading', { name: '来訪者（部外者）の入室' }).waitFor();
    await page.getByLabel('氏名', { exact: true }).fill(visitor);
    await page.getByLabel('所属（会社名など）').fill('株式会社テスト保守');
    await page.getByRole('radio', { name: '運転免許証' }).check();
    await page.getByLabel('渡した来訪者バッジの番号').fill(badge);
    await page.getByRole('button', { name: '機器の保守' }).click();
    expect(await page.getByLabel('用件（選ぶか、入力してください）').inputValue()).toBe('機器の保守');
    expect(await page.getByLabel('氏名', { exact: true }).getAttribute('inputmode')).toBe('text');
    await expectTouchTargets(page);
    // The chosen purpose takes its colours through a transition (.btn): axe reads them once it has ended.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await expectNoAxeViolations(page);

    // No escort: the form says why and sends nothing (A32-1: a visitor is escorted).
    await page.getByRole('button', { name: '来訪者の入室を記録する' }).click();
    await page.getByText('立会者を選んでください。立会者がいないと来訪者は入室できません。').waitFor();
    await shot(page, 'door-visitor-no-escort');
    // Who is inside, as the log (its readers see visitors' names; the door's own view never does).
    const inside = async () =>
      entryView.array().parse(
        (
          (await call(page, 'GET', `/api/facilities/rooms/${door.room.id}/entries?inside=true`)).json as {
            entries: unknown;
          }
        ).entries,
      );
    expect((await inside()).some((e) => e.visitor?.name === visitor)).toBe(false);

    // Were the escort dropped on the way, the server refuses, and the refusal shows plainly.
    await page.getByRole('radio', { name: escort.name }).check();
    await page.route('**/api/facilities/rooms/*/entries', (route) =>
      route.continue({
        postData: JSON.stringify({ ...(route.request().postDataJSON() as object), escortPersonId: null }),
      }),
    );
    await page.getByRole('button', { name: '来訪者の入室を記録する' }).click();
    await page.getByText(/部外者の入室には教職員の立会いが必要です/).waitFor();
    expect((await inside()).some((e) => e.visitor?.name === visitor)).toBe(false);
    await page.unroute('**/api/facilities/rooms/*/entries');

    // With the escort: recorded, a clear confirmation, then the start screen shows the visitor inside.
    await page.getByRole('button', { name: '来訪者の入室を記録する' }).click();
    await page.getByText(/の入室を記録しました。/).waitFor();
    await page.getByText(/秒後に最初の画面に戻ります/).waitFor();
    await shot(page, 'door-visitor-done');
    await page.getByRole('heading', { name: /在室中の人/ }).waitFor({ timeout: 15_000 });
    // The door shows the visitor by badge, never by name (a semi-public screen, A32-1 識別化).
    const row = page.getByRole('listitem').filter({ hasText: `来訪者（バッジ ${badge}）` });
    await row.waitFor();
    await row.getByText(`立会者: ${escort.name}`).waitFor();
    await shot(page, 'door-visitor-inside');

    // 退室: one more tap confirms; then the visitor is no longer inside.
    await row.getByRole('button', { name: /の退室$/ }).click();
    await page.getByRole('heading', { name: '退室を記録しますか' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '退室を記録する' }).click();
    await page.getByText(/の退室を記録しました。/).waitFor();
    await page.getByRole('button', { name: '最初の画面に戻る' }).click();
    await page.getByRole('heading', { name: /在室中の人/ }).waitFor();
    await page.getByRole('button', { name: /^入室/ }).waitFor();
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: `来訪者（バッジ ${badge}）` })
        .count(),
    ).toBe(0);
    expect(await page.getByText(visitor).count()).toBe(0);
    expect((await inside()).some((e) => e.visitor?.name === visitor)).toBe(false);

    // 退室 of a member of staff, then their 入室 again (oneself first), in portrait.
    await page.setViewportSize(PORTRAIT);
    const staffInside = async () =>
      (await inside()).filter((e) => e.kind === 'staff' && e.personId === escort.personId);
    // (Without the demo, they went in a moment ago by the API, so that the screen shows them.)
    if ((await staffInside()).length === 0) {
      const entered = await call(page, 'POST', `/api/facilities/rooms/${door.room.id}/entries`, {
        kind: 'staff',
        personId: escort.personId,
        purpose: '保守作業の立会い',
      });
      expect(entered.status).toBe(201);
      await page.reload();
      await page.getByRole('heading', { name: /在室中の人/ }).waitFor();
    }
    await page
      .getByRole('listitem')
      .filter({ has: page.getByText(escort.name, { exact: true }) })
      .getByRole('button', { name: /の退室$/ })
      .click();
    await page.getByRole('button', { name: '退室を記録する' }).click();
    await page.getByText(`${escort.name}の退室を記録しました。`).waitFor();
    await page.getByRole('button', { name: '最初の画面に戻る' }).click();
    expect(await staffInside()).toHaveLength(0);
    await page.getByRole('button', { name: /^入室/ }).click();
    await page.getByRole('radio', { name: `自分（${escort.name}）` }).check();
    await page.getByLabel('用件（選ぶか、入力してください）').fill('サーバの再起動');
    await expectTouchTargets(page);
    await shot(page, 'door-staff-portrait');
    await page.getByRole('button', { name: '入室を記録する' }).click();
    await page.getByText(`${escort.name}の入室を記録しました。`).waitFor();
    await page.getByRole('button', { name: '最初の画面に戻る' }).click();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByText(escort.name, { exact: true }) })
      .waitFor();
    expect(await staffInside()).toHaveLength(1);
    await shot(page, 'door-staff-inside-portrait');
    await page.context().close();
  });

  it('the room page shows the visitor in the entry log, the safeguards, and records an inspection (A32, A33)', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager);
    await heading(page, 'ホーム');
    const door = await serverRoom(page);
    await page.goto(`${app.server.url}/facilities/rooms`);
    await heading(page, '情報システム室等');
    await page.getByRole('row').filter({ hasText: door.room.name }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'rooms-list');

    await page.getByRole('link', { name: door.room.name }).click();
    await heading(page, door.room.name);
    await page.getByRole('link', { name: '入口のタブレット画面' }).waitFor();
    const entry = page.getByRole('row').filter({ hasText: visitor });
    await entry.waitFor();
    await entry.getByText('株式会社テスト保守').waitFor();
    await entry.getByText('機器の保守').waitFor();
    await entry.getByText(/運転免許証/).waitFor();
    expect(await entry.getByText('在室中').count()).toBe(0);
    await page.getByRole('table', { name: '安全対策のチェックリスト' }).waitFor();
    await expectNoAxeViolations(page);
    await shot(page, 'room-page');

    // A32-1: the keeper adds a member of staff as an authorised person, then removes them.
    const authorised = page.getByRole('table', { name: '入室できる人の一覧' });
    await page.getByLabel('氏名・職員番号で検索').fill(DEMO.staff);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByRole('button', { name: /を入室できる人に追加$/ }).click();
    await page.getByText('入室できる人に追加しました。').waitFor();
    await authorised.getByRole('row').filter({ hasText: DEMO.staff }).waitFor();
    await expectNoAxeViolations(page);
    await authorised
      .getByRole('row')
      .filter({ hasText: DEMO.staff })
      .getByRole('button', { name: /を入室できる人から外す$/ })
      .click();
    await page.getByText('入室できる人から外しました。').waitFor();
    await expect.poll(() => authorised.getByRole('row').filter({ hasText: DEMO.staff }).count()).toBe(0);

    await page.getByRole('link', { name: '点検を記録する' }).click();
    await heading(page, '安全対策の点検を記録');
    // Every item is chosen (before the first inspection none is pre-set).
    for (const item of [
      '施錠装置',
      '警報装置',
      '監視設備',
      '耐震',
      '防火',
      '防煙',
      '防水',
      '予備電源',
      '配線の損傷防止',
    ])
      await page
        .getByRole('group', { name: `${item}の状態` })
        .getByRole('radio', { name: '措置済' })
        .check();
    await page.getByLabel('監視設備のメモ').fill('カメラを2台に増設した。');
    await expectNoAxeViolations(page);
    await shot(page, 'room-inspection');
    await page.getByRole('button', { name: '点検を記録する' }).click();
    await heading(page, door.room.name);
    await page.getByText('点検を記録しました。').waitFor();
    const monitoring = page
      .getByRole('table', { name: '安全対策のチェックリスト' })
      .getByRole('row')
      .filter({ hasText: '監視設備' });
    await monitoring.getByText('措置済').waitFor();
    await monitoring.getByText('カメラを2台に増設した。').waitFor();
    await page.context().close();
  });

  it('the 保護管理者 registers a storage facility for media, never inspected yet (A32-1, A33)', async () => {
    const page = await signedInAt(app, DEMO.tokyoManager);
    await heading(page, 'ホーム');
    await page.goto(`${app.server.url}/facilities/rooms`);
    await heading(page, '情報システム室等');
    await page.getByRole('link', { name: '情報システム室等を登録' }).click();
    await heading(page, '情報システム室等を登録');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText(/件の項目を確認してください/).waitFor();
    const name = `教務係 媒体保管庫 ${stamp}`;
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByRole('radio', { name: '媒体の保管施設' }).check();
    // The keeper's one section is chosen already; otherwise the first.
    const section = page.getByLabel('管理する係');
    if ((await section.inputValue()) === '') await section.selectOption({ index: 1 });
    await page.getByLabel('所在', { exact: true }).fill('教務係事務室内の耐火キャビネット');
    await expectNoAxeViolations(page);
    await shot(page, 'room-new');
    await page.getByRole('button', { name: '登録する' }).click();
    await heading(page, name);
    await page.getByText('保存しました。').waitFor();
    await page.getByText('まだ点検していません。').first().waitFor();
    await page.getByText('点検期限超過').first().waitFor();
    // Nothing is known before the first inspection: 「未点検」, not 未措置.
    const checklist = page.getByRole('table', { name: '安全対策のチェックリスト' });
    expect(await checklist.getByText('未措置').count()).toBe(0);
    expect(await checklist.getByText('未点検').count()).toBe(9);

    await page.getByRole('link', { name: '変更', exact: true }).click();
    await heading(page, '情報システム室等を変更');
    await page.getByLabel('点検の間隔（日）').fill('180');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '変更を保存する' }).click();
    await heading(page, name);
    await page.getByText('180日ごと').waitFor();
    await page.context().close();
  });

  it('a member of staff of another section (E150020, 総務係) sees neither the room nor its log (A32-2)', async () => {
    const keeper = await signedInAt(app, DEMO.tokyoManager);
    await heading(keeper, 'ホーム');
    const roomId = (await serverRoom(keeper)).room.id;
    await keeper.context().close();

    const page = await signedInAt(app, DEMO.staff);
    await heading(page, 'ホーム');
    await page.goto(`${app.server.url}/facilities/rooms`);
    await heading(page, '情報システム室等');
    await page.getByText('表示できる情報システム室等はありません。').waitFor();
    await expectNoAxeViolations(page);
    // Not even by its address: the room, its log and its door answer "not found" (its place stays unknown).
    await page.goto(`${app.server.url}/facilities/rooms/${roomId}`);
    await page.getByText('指定された情報システム室等は見つかりません。').waitFor();
    expect(await page.getByText(visitor).count()).toBe(0);
    expect((await call(page, 'GET', `/api/facilities/rooms/${roomId}/entries`)).status).toBe(404);
    await page.goto(`${app.server.url}/facilities/rooms/${roomId}/door`);
    await page.getByText('指定された情報システム室等は見つかりません。').waitFor();
    expect(await page.getByRole('button', { name: /^入室/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
