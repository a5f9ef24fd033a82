import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { PermissionBadges } from './labels.tsx';
import { useVaultFiles } from './queries.ts';

/**
 * 保有個人情報（保管庫）: the files a person works with (a grant, A11-2) or keeps (their 保護管理者,
 * or those who oversee grants). Without a grant there is nothing to open: the person asks the
 * file's 保護管理者 (A11-1).
 */
export function VaultFilesPage() {
  const { t } = useTranslation();
  const files = useVaultFiles();
  return (
    <Page title={t('vault.title')} lead={<p>{t('vault.lead')}</p>}>
      <VaultQueryState query={files}>
        {({ files: list }) =>
          list.length === 0 ? (
            <Alert tone="info" title={t('vault.empty')}>
              <p>{t('vault.emptyHelp')}</p>
            </Alert>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <caption className="sr-only">{t('vault.filesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('vault.fileName')}</th>
                    <th scope="col">{t('vault.myPermissions')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((f) => {
                    const works = f.myPermissions.length > 0;
                    // Listed without a grant or managing it: the person oversees its grants (A4, A8).
                    const keeps = f.canManage || !works;
                    return (
                      <tr key={f.fileId}>
                        <td>
                          {works ? (
                            <Link to={`/vault/files/${f.fileId}`} className="font-bold">
                              {f.name}
                            </Link>
                          ) : (
                            <span className="font-bold">{f.name}</span>
                          )}
                        </td>
                        <td>
                          <PermissionBadges permissions={f.myPermissions} />
                        </td>
                        <td>
                          {keeps && (
                            <Link
                              to={`/vault/files/${f.fileId}/grants`}
                              aria-label={t(f.canManage ? 'vault.manageFile' : 'vault.viewGrantsOf', {
                                name: f.name,
                              })}
                            >
                              {f.canManage ? t('vault.grants.manage') : t('vault.viewGrants')}
                            </Link>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </VaultQueryState>
    </Page>
  );
}
