import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  type DesignDocumentKind,
  type DesignDocumentView,
  type SystemView,
} from '../../../../shared/api/facility-systems.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { OptionalFilePicker } from '../../../ui/file-picker.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { ActionDialog } from '../devices/action-dialog.tsx';
import { ListTable } from '../devices/list-table.tsx';
import { DisposeForm, DownloadHistory } from './document-dialogs.tsx';
import { SYSTEMS, useDocuments, useUploadDocument } from './queries.ts';

/** What a design document may be (the server checks the bytes): PDF, images, Word, Excel, PowerPoint. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A28: a design document kept by a keeper of the system. */
function UploadForm({ system }: { system: SystemView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const upload = useUploadDocument(system.id);
  const [kind, setKind] = useState<DesignDocumentKind>('design');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const f = (k: string) => t(`facilities.systems.documents.${k}`);
  return (
    <form
      noValidate
      className="mt-6 max-w-3xl"
      onSubmit={(e) => {
        e.preventDefault();
        if (file)
          void upload
            .mutateAsync({ kind, title: title.trim(), file })
            .then(() => {
              setResetKey((k) => k + 1);
              setTitle('');
              setFile(null);
              notify('facilities.systems.documents.uploaded');
            })
            .catch(() => undefined);
      }}
    >
      <h3 className="mb-3 text-lg">{f('add')}</h3>
      <FormErrors errors={{}} serverError={upload.error} />
      <div className="mb-6">
        <label htmlFor="doc-kind" className="label mb-1 block">
          {f('kind')}
        </label>
        <select
          id="doc-kind"
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as DesignDocumentKind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`facilities.systems.documentKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="mb-6">
        <label htmlFor="doc-title" className="label mb-1 block">
          {f('titleField')}
        </label>
        <p id="doc-title-help" className="mb-1 text-sm text-ink-muted">
          {f('titleHelp')}
        </p>
        <input
          id="doc-title"
          className="input"
          value={title}
          aria-describedby="doc-title-help"
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <OptionalFilePicker
        label={f('file')}
        help={f('fileHelp')}
        accept={ACCEPT}
        onChoose={setFile}
        resetKey={resetKey}
      />
      <button type="submit" className="btn-secondary" disabled={!file || upload.isPending}>
        {f('upload')}
      </button>
    </form>
  );
}

function DocumentsTable({
  system,
  documents,
  canManage,
}: {
  system: SystemView;
  documents: DesignDocumentView[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const client = useQueryClient();
  const f = (k: string) => t(`facilities.systems.documents.${k}`);
  const col = (k: string) => t(`facilities.systems.documents.col.${k}`);
  // The download is counted by the server; the list is read again once the browser has asked.
  const counted = () =>
    setTimeout(() => void client.invalidateQueries({ queryKey: [...SYSTEMS, 'documents', system.id] }), 1500);
  return (
    <ListTable
      rows={documents}
      rowKey={(d) => d.id}
      caption={f('caption')}
      columns={[
        {
          header: col('document'),
          className: 'min-w-40',
          cell: (doc) => (
            <>
              {doc.downloadPath ? (
                <a href={doc.downloadPath} download={doc.fileName} onClick={counted}>
                  {doc.title}
                </a>
              ) : (
                doc.title
              )}
              <span className="block text-sm font-normal text-ink-muted">{`${doc.fileName}（${size(doc.size)}）`}</span>
            </>
          ),
        },
        {
          header: col('kind'),
          className: 'whitespace-nowrap',
          cell: (doc) => t(`facilities.systems.documentKinds.${doc.kind}`),
        },
        {
          header: col('uploaded'),
          cell: (doc) =>
            t('facilities.systems.documents.uploadedText', {
              date: dates.dateTime(doc.uploadedAt),
              name: doc.uploadedByName,
            }),
        },
        {
          header: col('state'),
          cell: (doc) =>
            doc.disposed ? (
              <>
                <Badge tone="plain">{f('disposed')}</Badge>
                <span className="mt-1 block text-sm">
                  {t('facilities.systems.documents.disposedText', {
                    date: dates.dateTime(doc.disposed.at),
                    name: doc.disposed.byName,
                  })}
                </span>
                <span className="block text-sm">{doc.disposed.reason}</span>
              </>
            ) : (
              <Badge tone="good">{f('kept')}</Badge>
            ),
        },
        {
          header: col('actions'),
          cell: (doc) => (
            <div className="flex flex-wrap gap-2">
              <ActionDialog
                label={t('facilities.systems.documents.historyOf', { count: doc.downloadCount })}
                title={t('facilities.systems.documents.historyTitleOf', { title: doc.title })}
                small
              >
                {() => <DownloadHistory systemId={system.id} documentId={doc.id} />}
              </ActionDialog>
              {canManage && !doc.disposed && (
                <ActionDialog
                  label={f('dispose')}
                  name={t('facilities.systems.documents.disposeOf', { title: doc.title })}
                  title={t('facilities.systems.documents.disposeTitle', { title: doc.title })}
                  small
                >
                  {(done) => <DisposeForm systemId={system.id} documentId={doc.id} done={done} />}
                </ActionDialog>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}

/**
 * A28: the design documents (設計書、構成図等), only for those the server lets list them; every
 * download is recorded and shown in the document's history.
 */
export function DocumentsSection({ system }: { system: SystemView }) {
  const { t } = useTranslation();
  const list = useDocuments(system.id, system.can.documents);
  const f = (k: string) => t(`facilities.systems.documents.${k}`);
  return (
    <Section title={f('title')}>
      <p className="mb-4 max-w-3xl">{f('lead')}</p>
      <QueryState query={list}>
        {(v) => (
          <>
            {v.documents.length === 0 ? (
              <p className="text-ink-muted">{f('none')}</p>
            ) : (
              <DocumentsTable system={system} documents={v.documents} canManage={v.canManage} />
            )}
            {v.canManage && system.active && <UploadForm system={system} />}
          </>
        )}
      </QueryState>
    </Section>
  );
}
