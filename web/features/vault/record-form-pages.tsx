import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Purpose, RecordView, VaultFileView } from '../../../shared/api/vault.ts';
import { Alert } from '../../ui/alert.tsx';
import { Page } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { grantFields, mayDo } from './labels.tsx';
import { PurposeGate, useFileLink, withPurpose } from './purpose.tsx';
import { useRecord, useSaveRecord, useVaultFile } from './queries.ts';
import { RecordForm } from './record-form.tsx';
import { useRecordHeading } from './record-page.tsx';

/** Where one lands after saving: the record, saying whether it awaits a second person's check (A26). */
function useAfterSave(file: VaultFileView, purpose: Purpose, created: boolean) {
  const navigate = useNavigate();
  return (saved: RecordView) => {
    const notice = file.important
      ? 'vault.saved.pending'
      : created
        ? 'vault.saved.created'
        : 'vault.saved.updated';
    void navigate(withPurpose(`/vault/files/${file.fileId}/records/${saved.id}`, purpose), {
      state: { notice },
    });
  };
}

function NewRecordBody({ file, purpose }: { file: VaultFileView; purpose: Purpose }) {
  const { t } = useTranslation();
  const save = useSaveRecord(file.fileId, null);
  const done = useAfterSave(file, purpose, true);
  if (!mayDo(file, 'create')) return <Alert tone="error" title={t('vault.form.noCreate')} />;
  return (
    <RecordForm
      file={file}
      purpose={purpose}
      fields={grantFields(file)}
      record={null}
      submitLabel={t('vault.form.create')}
      cancelTo={withPurpose(`/vault/files/${file.fileId}`, purpose)}
      pending={save.isPending}
      error={save.error}
      onSave={(values) => save.mutateAsync({ purpose: purpose.code, values }).then(done)}
    />
  );
}

function EditRecordBody({
  file,
  purpose,
  recordId,
}: {
  file: VaultFileView;
  purpose: Purpose;
  recordId: string;
}) {
  const { t } = useTranslation();
  const record = useRecord(file.fileId, recordId, purpose.code);
  const save = useSaveRecord(file.fileId, recordId);
  const done = useAfterSave(file, purpose, false);
  if (!mayDo(file, 'update')) return <Alert tone="error" title={t('vault.form.noUpdate')} />;
  return (
    <VaultQueryState query={record}>
      {(r) => (
        <RecordForm
          // A new revision (after reloading) starts the form again from the record as it now is.
          key={r.revision}
          file={file}
          purpose={purpose}
          fields={grantFields(file)}
          record={r}
          submitLabel={t('vault.form.update')}
          cancelTo={withPurpose(`/vault/files/${file.fileId}/records/${r.id}`, purpose)}
          pending={save.isPending}
          error={save.error}
          onSave={(values) =>
            save.mutateAsync({ purpose: purpose.code, values, revision: r.revision }).then(done)
          }
        />
      )}
    </VaultQueryState>
  );
}

function useCrumbs(fileId: string, title: string) {
  const { t } = useTranslation();
  const file = useVaultFile(fileId);
  const fileLink = useFileLink(fileId);
  return {
    file,
    crumbs: [
      { label: t('vault.title'), to: '/vault' },
      { label: file.data?.name ?? t('vault.fileCrumb'), to: fileLink },
      { label: title },
    ],
  };
}

export function NewRecordPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const title = t('vault.form.newTitle');
  const { file, crumbs } = useCrumbs(fileId, title);
  return (
    <Page title={title} crumbs={crumbs}>
      <VaultQueryState query={file}>
        {(f) => <PurposeGate file={f}>{(p) => <NewRecordBody file={f} purpose={p} />}</PurposeGate>}
      </VaultQueryState>
    </Page>
  );
}

export function EditRecordPage() {
  const { t } = useTranslation();
  const { fileId = '', recordId = '' } = useParams();
  const { file, crumbs } = useCrumbs(fileId, t('vault.form.editTitle'));
  const title = useRecordHeading(file.data, recordId, t('vault.form.editTitle'));
  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('vault.form.editLead')}</p>}>
      <VaultQueryState query={file}>
        {(f) => (
          <PurposeGate file={f}>
            {(p) => <EditRecordBody file={f} purpose={p} recordId={recordId} />}
          </PurposeGate>
        )}
      </VaultQueryState>
    </Page>
  );
}
