import type { jaRegisterImport } from './ja-register-import.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of the import of an existing register (same shape as ja-register-import.ts). */
export const enRegisterImport: Shape<typeof jaRegisterImport> = {
  registerImport: {
    title: 'Import a register of personal information files',
    crumb: 'Import',
    lead: 'Import an existing register (CSV or Excel). You can check the contents first; if any row has an error, nothing is registered.',
    columnsTitle: 'Columns of the file',
    columnsPlace:
      '学校等 (the college or headquarters: name, short name or code) and 課等 (the name of a section of that unit). Without a 課等 column, the section is the one named in the organisation column (組織の名称).',
    columnsPublished:
      'The 19 fields of 別紙様式1, with the headings of the public register CSV. A CSV downloaded from the public pages imports as it is (its ID and 最終更新日 columns are skipped).',
    columnsInternal:
      'Optional internal fields: 公表 (公表する, or 人事給与, 1000人未満, 他ファイルに包含, 事務に支障), 公表しない理由（補足）, 要配慮区分 (通常, 要配慮, 特に要配慮), 重要度 (低, 中, 高), マイナンバー (有, 無), 歴史資料 (該当, 非該当), 保存根拠, 保存期間（年）, 連携システム (one per line).',
    columnsFormat:
      'CSV (UTF-8 or Shift_JIS) or Excel (.xlsx: the first sheet, headings in row 1). Up to 2,000 rows and 10 MB at once.',
    template: 'Download the template (CSV)',
    noRights: 'You are not allowed to import personal information files.',
    file: 'File to import',
    fileHelp: 'Choose a CSV or Excel (.xlsx) file.',
    mode: 'Import as',
    modes: {
      draft: 'Drafts',
      registered: 'Registered entries',
    },
    modeHelp: {
      draft:
        'Each row becomes a draft of its section. The 総括保護管理者 submits it and the 総括管理者 accepts it into the register (A20-1, A20-2).',
      registered:
        'For moving a register that has already been approved. Each row is registered as accepted (version 1) and published at once unless exempt. A file with My Numbers still needs its approval (A20-5).',
    },
    preview: 'Check the contents',
    previewing: 'Checking…',
    previewTitle: 'Contents to import',
    format: 'File format: {{format}}',
    counts: 'Counts',
    valid: 'Rows ready',
    invalid: 'Rows with errors',
    ignored: 'Columns not read: {{columns}}',
    blocked: '{{count}} rows have errors, so the file cannot be imported. Fix the file and check it again.',
    ready: 'No errors. Press “Import” to register {{count}} files.',
    submit: 'Import',
    importing: 'Importing…',
    done: '{{count}} personal information files were imported as drafts.',
    doneRegistered: '{{count}} personal information files were registered ({{published}} published).',
    toRegister: 'Go to the register',
    line: 'Row',
    unit: 'College / HQ',
    section: 'Section',
    name: 'Name',
    publication: 'Publication',
    published: 'Published',
    notPublished: 'Not published',
    myNumber: 'Contains My Numbers (approval needed)',
    errors: 'Errors',
    noErrors: 'No errors',
  },
};
