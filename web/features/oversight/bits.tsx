import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERSIGHT_DOCUMENT_TYPES } from '../../../shared/api/oversight.ts';
import { SavedNotice } from '../../ui/alert.tsx';
import { OptionalFilePicker } from '../../ui/file-picker.tsx';

/** Small pieces shared by the oversight pages (issue 10; A9, A39–A41): notices, files. */

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('oversight.saved')} />;
}

/** Documents the oversight pages accept (the server types them by their first bytes): PDF, images, Office. */
export const DOCUMENT_ACCEPT = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.docx',
  '.xlsx',
  '.pptx',
  ...OVERSIGHT_DOCUMENT_TYPES,
].join(',');

/** An optional file field (a document to attach), with its help text; it takes DOCUMENT_ACCEPT unless told. */
export function DocumentField(
  props: Omit<ComponentProps<typeof OptionalFilePicker>, 'accept'> & { accept?: string },
) {
  return <OptionalFilePicker {...props} accept={props.accept ?? DOCUMENT_ACCEPT} />;
}

/** A link that downloads a stored document (the server checks who may read it and its SHA-256). */
export function DocumentLink({ href, name }: { href: string; name: string | null }) {
  const { t } = useTranslation();
  return (
    <a href={href} download={name ?? undefined}>
      {name ?? t('oversight.document')}
    </a>
  );
}
