import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseView } from '../../../shared/api/training.ts';
import { useDates } from '../../app/preferences.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Saved } from './bits.tsx';
import { useUploadMaterial } from './queries.ts';

/** What a course's material may be: PDF or an image (the server checks the first bytes, not the name). */
const MATERIAL_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('ja-JP')} KB`;

/** 教材 (A10: materials): the course's document, replaced by its keeper. */
export function MaterialSection({ course: c }: { course: CourseView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const upload = useUploadMaterial(c.id);
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const inputId = useId();
  return (
    <Section title={t('training.course.material')}>
      {c.material ? (
        <p className="mb-4">
          <a href={c.material.path} download={c.material.fileName}>
            {c.material.fileName}
          </a>
          <span className="ml-2 text-sm text-ink-muted">
            {`${kb(c.material.size)}・${dates.dateTime(c.material.uploadedAt)}`}
          </span>
        </p>
      ) : (
        <p className="mb-4 text-ink-muted">{t('training.course.noMaterial')}</p>
      )}
      {c.canEdit && (
        <form
          noValidate
          className="max-w-3xl"
          onSubmit={(e) => {
            e.preventDefault();
            if (file)
              void upload
                .mutateAsync(file)
                .then(() => {
                  setFile(null);
                  setResetKey((k) => k + 1);
                })
                .catch(() => undefined);
          }}
        >
          <Saved show={upload.isSuccess} text={t('training.course.uploaded')} />
          <FormErrors errors={{}} serverError={upload.error} />
          <div className="mb-6">
            <label htmlFor={inputId} className="label mb-1 block">
              {t('training.course.materialFile')}
            </label>
            <p id={`${inputId}-help`} className="mb-1 text-sm text-ink-muted">
              {t('training.course.materialHelp')}
            </p>
            <input
              key={resetKey}
              id={inputId}
              type="file"
              accept={MATERIAL_ACCEPT}
              aria-describedby={`${inputId}-help`}
              className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="btn-secondary" disabled={!file || upload.isPending}>
            {t('training.course.upload')}
          </button>
        </form>
      )}
    </Section>
  );
}
