/** Japanese messages of the import of an existing register of personal information files (A20-1, A20-2). */
export const jaRegisterImport = {
  registerImport: {
    title: '個人情報ファイル簿の一括取込',
    crumb: '一括取込',
    lead: '既存の個人情報ファイル簿（CSV または Excel）を取り込みます。取り込む前に内容を確認でき、誤りのある行が1行でもあると何も登録されません。',
    columnsTitle: 'ファイルの列',
    columnsPlace:
      '「学校等」（名称、略称またはコード）と「課等」（その学校等の課等の名称）。課等の列がないときは「個人情報ファイルが利用に供される事務をつかさどる組織の名称」に含まれる課等の名称から判断します。',
    columnsPublished:
      '別紙様式1の19項目（公開の個人情報ファイル簿のCSVと同じ見出し）。公開ページからダウンロードしたCSVもそのまま取り込めます（「ID」「最終更新日」の列は読み飛ばします）。',
    columnsInternal:
      '任意の内部管理項目: 公表（「公表する」または 人事給与・1000人未満・他ファイルに包含・事務に支障）、公表しない理由（補足）、要配慮区分（通常・要配慮・特に要配慮）、重要度（低・中・高）、マイナンバー（有・無）、歴史資料（該当・非該当）、保存根拠、保存期間（年）、連携システム（1行に1つ）。',
    columnsFormat:
      'CSV（UTF-8 または Shift_JIS）または Excel（.xlsx。最初のシート、1行目が見出し）。1回に2,000件、10MBまで。',
    template: 'テンプレート（CSV）をダウンロード',
    noRights: 'あなたには個人情報ファイルを取り込む権限がありません。',
    file: '取り込むファイル',
    fileHelp: 'CSV または Excel（.xlsx）ファイルを選んでください。',
    mode: '取り込み方',
    modes: {
      draft: '下書きとして取り込む',
      registered: '登録済みとして取り込む',
    },
    modeHelp: {
      draft:
        '各行を課等の下書きとして作成します。総括保護管理者が提出し、総括管理者が受理すると登録されます（第20条第1項・第2項）。',
      registered:
        '既に承認された個人情報ファイル簿を移すためのものです。各行を受理済み（第1版）として登録し、公表しないものを除き直ちに公開します。マイナンバーを含むファイルは別に保有の承認が必要です（第20条第5項）。',
    },
    preview: '内容を確認する',
    previewing: '確認しています…',
    previewTitle: '取込内容の確認',
    format: 'ファイルの形式：{{format}}',
    counts: '件数',
    valid: '取り込める行',
    invalid: '誤りのある行',
    ignored: '読み込まない列：{{columns}}',
    blocked:
      '誤りのある行が {{count}} 件あるため取り込めません。ファイルを修正して、もう一度確認してください。',
    ready: '誤りはありません。「取り込む」を押すと {{count}} 件を登録します。',
    submit: '取り込む',
    importing: '取り込んでいます…',
    done: '{{count}} 件の個人情報ファイルを下書きとして取り込みました。',
    doneRegistered: '{{count}} 件の個人情報ファイルを登録しました（うち公開 {{published}} 件）。',
    toRegister: '個人情報ファイル簿へ',
    line: '行',
    unit: '学校等',
    section: '課等',
    name: '名称',
    publication: '公表',
    published: '公表する',
    notPublished: '公表しない',
    myNumber: 'マイナンバーを含む（保有の承認が必要）',
    errors: '誤りの内容',
    noErrors: '誤りなし',
  },
};
