import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MEDIUM_KINDS, type MediumView } from '../../../../shared/api/handling-movements.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useVaultFiles } from '../../vault/queries.ts';
import { useNotify } from '../../vault/labels.tsx';
import { MediumStatusBadge, OverdueBadge } from './badges.tsx';
import { useMedia, useMoveMedium, useRegisterMedium } from './queries.ts';

const registerForm = z.object({
  label: z.string().trim().min(1).max(200),
  kind: z.enum(MEDIUM_KINDS),
  storagePlace: z.string().trim().min(1).max(300),
  fileIds: z.array(z.string()).min(1, { message: 'i18n:validation.choose' }),
});
type RegisterForm = z.infer<typeof registerForm>;
const REGISTER_FIELDS = ['label', 'kind', 'storagePlace', 'fileIds'] as const;

/** A14: a new medium of the section, with its place and the files it holds. */
function RegisterMedium() {
  const { t } = useTranslation();
  const notify = useNotify();
  const files = useVaultFiles();
  const register = useRegisterMedium();
  const form = useForm<RegisterForm>({
    resolver: zodResolver(registerForm),
    defaultValues: { label: '', kind: 'usb', storagePlace: '', fileIds: [] },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const choices = (files.data?.files ?? []).filter((f) => f.myPermissions.length > 0 || f.canManage);
  const submit = form.handleSubmit((v) =>
    register
      .mutateAsync(v)
      .then(() => {
        form.reset();
        notify('movement.media.registered');
      })
      .catch((e: unknown) =>
        applyServerErrors(e, REGISTER_FIELDS, form.setError, { 'handling.medium_files_invalid': 'fileIds' }),
      ),
  );
  const labels = {
    label: t('movement.media.label'),
    kind: t('movement.media.kind'),
    storagePlace: t('movement.media.storagePlace'),
    fileIds: t('movement.media.files'),
  };
  return (
    <Section title={t('movement.media.registerTitle')}>
      <FormErrors
        errors={errors}
        serverError={register.error}
        submitCount={submitCount}
        fields={REGISTER_FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) => form.setFocus(name as keyof RegisterForm)}
      />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
        <TextField
          label={labels.label}
          help={t('movement.media.labelHelp')}
          registration={form.register('label')}
          error={errors.label}
          required
        />
        <SelectField
          label={labels.kind}
          registration={form.register('kind')}
          error={errors.kind}
          required
          options={MEDIUM_KINDS.map((k) => ({ value: k, label: t(`movement.media.kindsLabel.${k}`) }))}
        />
        <TextField
          label={labels.storagePlace}
          help={t('movement.media.storagePlaceHelp')}
          registration={form.register('storagePlace')}
          error={errors.storagePlace}
          required
        />
        <fieldset className="mb-6" aria-describedby="medium-files-help">
          <legend className="label mb-1">{labels.fileIds}</legend>
          <p id="medium-files-help" className="mb-1 text-sm text-ink-muted">
            {t('movement.media.filesHelp')}
          </p>
          {errors.fileIds && (
            <p className="mb-1 font-bold text-error">
              <span aria-hidden="true">⚠ </span>
              {t('validation.choose')}
            </p>
          )}
          {choices.length === 0 ? (
            <p>{t('movement.media.noFiles')}</p>
          ) : (
            choices.map((f) => (
              <label key={f.fileId} className="flex min-h-12 items-center gap-3">
                <input
                  type="checkbox"
                  value={f.fileId}
                  className="size-6 accent-primary"
                  {...form.register('fileIds')}
                />
                {f.name}
              </label>
            ))
          )}
        </fieldset>
        <button type="submit" className="btn-primary" disabled={register.isPending}>
          {t('movement.media.register')}
        </button>
      </form>
    </Section>
  );
}

function PlaceDialog({ medium, onClose }: { medium: MediumView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const move = useMoveMedium();
  const form = useForm<{ storagePlace: string; reason: string }>({
    values: { storagePlace: medium?.storagePlace ?? '', reason: '' },
  });
  const close = () => {
    move.reset();
    onClose();
  };
  return (
    <Dialog
      open={medium !== null}
      title={t('movement.media.placeTitle', { label: medium?.label ?? '' })}
      onClose={close}
    >
      {medium && (
        <form
          noValidate
          onSubmit={(e) =>
            void form.handleSubmit((v) =>
              move.mutateAsync({ id: medium.id, ...v }).then(() => {
                close();
                notify('movement.media.placeChanged');
              }),
            )(e)
          }
        >
          <FormErrors errors={form.formState.errors} serverError={move.error} />
          <TextField
            label={t('movement.media.storagePlace')}
            registration={form.register('storagePlace', { required: true })}
            error={form.formState.errors.storagePlace}
            required
          />
          <TextAreaField
            label={t('movement.media.placeReason')}
            help={t('movement.media.placeReasonHelp')}
            registration={form.register('reason', { required: true })}
            error={form.formState.errors.reason}
            required
          />
          <button type="submit" className="btn-primary" disabled={move.isPending}>
            {t('movement.media.save')}
          </button>
        </form>
      )}
    </Dialog>
  );
}

function MediaTable({ media, onEdit }: { media: MediumView[]; onEdit: (m: MediumView) => void }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (media.length === 0) return <p>{t('movement.media.none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('movement.media.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('movement.media.label')}</th>
            <th scope="col">{t('movement.media.section')}</th>
            <th scope="col">{t('movement.media.storagePlace')}</th>
            <th scope="col">{t('movement.media.files')}</th>
            <th scope="col">{t('movement.media.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {media.map((m) => (
            <tr key={m.id}>
              <th scope="row" className="min-w-44 font-bold">
                {m.label}
                <p className="text-sm font-normal text-ink-muted">
                  {t(`movement.media.kindsLabel.${m.kind}`)}
                </p>
              </th>
              <td>
                {m.unitName} {m.sectionName}
              </td>
              <td className="min-w-40">{m.storagePlace}</td>
              <td className="min-w-40">{m.files.map((f) => f.name).join('、')}</td>
              <td className="min-w-32">
                <MediumStatusBadge status={m.status} />
                {m.outWith?.dueBack && (
                  <p className="mt-1 text-sm">
                    {t('movement.media.dueBack', { date: dates.date(m.outWith.dueBack) })}
                  </p>
                )}
                {m.outWith?.overdue && <OverdueBadge />}
              </td>
              <td>
                {m.canEdit && (
                  <button
                    type="button"
                    className="btn-secondary btn-sm"
                    aria-label={t('movement.media.editPlaceOf', { label: m.label })}
                    onClick={() => onEdit(m)}
                  >
                    {t('movement.media.editPlace')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A14: the register of media of the sections the person belongs to, keeps or oversees. */
export function MediaPage() {
  const { t } = useTranslation();
  const media = useMedia();
  const [editing, setEditing] = useState<MediumView | null>(null);
  return (
    <Page
      title={t('movement.media.title')}
      lead={<p>{t('movement.media.lead')}</p>}
      actions={
        <Link to="/handling/movements" className="btn-secondary">
          {t('movement.list.title')}
        </Link>
      }
    >
      <QueryState query={media}>
        {(data) => (
          <>
            <Section title={t('movement.media.caption')}>
              <MediaTable media={data.media} onEdit={setEditing} />
            </Section>
            {data.canRegister && <RegisterMedium />}
          </>
        )}
      </QueryState>
      <PlaceDialog medium={editing} onClose={() => setEditing(null)} />
    </Page>
  );
}
