import { useTranslation } from 'react-i18next';
import { SavedNotice } from '../../ui/alert.tsx';

/** 「記録しました。」 after a change on the training pages (issue 10; A10), announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('training.saved')} />;
}
