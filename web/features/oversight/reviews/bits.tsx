import { useTranslation } from 'react-i18next';
import { SavedNotice } from '../../../ui/alert.tsx';

/** 「記録しました。」 after a change on the inspection and evaluation pages (issue 10; A37, A38), announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <SavedNotice show={show} text={text ?? t('reviews.saved')} />;
}
