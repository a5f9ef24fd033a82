/** Japanese messages of issue 7: the 「取扱い」 hub. */
export const jaHandling = {
  handling: {
    menu: '取扱い',
    title: '保有個人情報の取扱い',
    lead: '閲覧以外の取扱い（複製・送信・媒体の持出し・訂正・目的外の利用・廃棄）の一覧です。新しい取扱いは、保管庫のファイルを開いてから始めます（第12条〜第17条）。',
    startFromVault: '保管庫のファイルから取扱いを始める',
    cards: {
      exports: {
        label: '複製',
        desc: '承認を受けて作成した複製データと、その消去の確認（第12条第1号・第24条の2）',
      },
      movements: {
        label: '送信・媒体の送付・持出し',
        desc: '送信の記録、媒体の外部への送付・持出しと返却（第12条第2号・第3号）',
      },
      media: { label: '媒体の登録簿', desc: '個人情報を記録した媒体とその保管場所（第14条）' },
      corrections: { label: '誤りの訂正', desc: '報告された誤り、保護管理者の指示、訂正の前後（第13条）' },
      outOfPurpose: {
        label: '目的外の利用・提供',
        desc: '4つの事由のいずれかによる申請と実施の記録（第17条）',
      },
      disposals: { label: '廃棄', desc: '記録・ファイル・媒体の廃棄と廃棄証明書（第15条）' },
    },
  },
};
