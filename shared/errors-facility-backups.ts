import type { ErrorSpec } from './errors.ts';

/** Errors of facilities — backups (A27) (issue 11). Codes never change once released. */
export const FACILITY_BACKUPS_ERRORS = {
  'facilities.backup_not_found': {
    status: 404,
    ja: '指定されたバックアップは見つかりません。',
    en: 'The backup was not found.',
  },
  'facilities.backup_running': {
    status: 409,
    ja: 'バックアップを実行中です。終わってからもう一度お試しください。',
    en: 'A backup is running. Try again when it has finished.',
  },
  'facilities.backup_not_configured': {
    status: 409,
    ja: 'バックアップの保存先が設定されていません（BACKUP_DESTINATIONS）。',
    en: 'No backup destination is configured (BACKUP_DESTINATIONS).',
  },
  'facilities.restore_test_running': {
    status: 409,
    ja: '復元テストを実行中です。終わってからもう一度お試しください。',
    en: 'A restore test is running. Try again when it has finished.',
  },
  'facilities.restore_test_not_found': {
    status: 404,
    ja: '指定された復元テストは見つかりません。',
    en: 'The restore test was not found.',
  },
  // The backup engine (server/platform/backup, A27): codes of the archive, its key and its targets.
  'backup.target_not_empty': {
    status: 409,
    ja: '復元先のデータフォルダが空ではありません。空のフォルダを指定してください。',
    en: 'The target data directory is not empty. Restore into an empty directory.',
  },
  'backup.key_wrong': {
    status: 400,
    ja: 'バックアップを開けません。鍵が違うか、Mamori のバックアップではありません。',
    en: 'The backup cannot be opened: the key is wrong, or it is not a Mamori backup.',
  },
  'backup.checksum_mismatch': {
    status: 422,
    ja: 'バックアップのチェックサムが記録と一致しません。改ざんまたは破損のおそれがあります。',
    en: 'The backup does not match its recorded checksum: it may have been altered or damaged.',
  },
  'backup.destination_unwritable': {
    status: 502,
    ja: 'バックアップの保存先に書き込めません。',
    en: 'The backup destination cannot be written.',
  },
  'backup.not_found': {
    status: 404,
    ja: 'バックアップファイルが見つかりません。',
    en: 'The backup file was not found.',
  },
  'backup.database_not_empty': {
    status: 409,
    ja: '復元先のデータベースが空ではありません。空のデータベースを指定してください。',
    en: 'The target database is not empty. Restore into an empty database.',
  },
  'backup.database_url_required': {
    status: 400,
    ja: 'PostgreSQL のバックアップの復元には、空のデータベースの接続先（--database-url）が必要です。',
    en: 'Restoring a PostgreSQL backup needs the URL of an empty database (--database-url).',
  },
  'backup.dialect_mismatch': {
    status: 400,
    ja: 'バックアップと復元先のデータベースの種類が異なります。',
    en: 'The backup and the target database are of different kinds (SQLite, PostgreSQL).',
  },
} satisfies Record<string, ErrorSpec>;
