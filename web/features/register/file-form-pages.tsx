import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/ability.ts';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useUnits } from '../organisation/queries.ts';
import { EntryForm } from './entry-form.tsx';
import { useAmend, useCreateFile, useEditDraft, useRegisterFile } from './queries.ts';

const LIST = '/register-admin';
const fileUrl = (id: string) => `/register-admin/files/${id}`;

/** A20-1: a section (its 保護管理者, or the unit's 総括保護管理者) drafts the entry of a file it comes to hold. */
export function NewFilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { roles } = useSignedIn();
  const units = useUnits();
  const create = useCreateFile();
  const crumbs = [{ label: t('fileRegister.title'), to: LIST }, { label: t('fileRegister.form.newTitle') }];
  return (
    <Page
      title={t('fileRegister.form.newTitle')}
      crumbs={crumbs}
      lead={<p>{t('fileRegister.form.newLead')}</p>}
    >
      <QueryState query={units}>
        {(all) => {
          // The units where one of the person's roles lets them draft (the section list narrows further).
          const offered = all.filter((u) =>
            roles.some(
              (r) =>
                r.unitId === u.id && can('draft', 'RegisterFile', { unitId: u.id, sectionId: r.sectionId }),
            ),
          );
          const only = offered.length === 1 ? (offered[0]?.id ?? '') : '';
          return (
            <EntryForm
              initial={null}
              owner={{ unitId: only, sectionId: '' }}
              choices={{ units: offered }}
              submitLabel={t('fileRegister.form.save')}
              cancelTo={LIST}
              pending={create.isPending}
              error={create.error}
              onSave={async (owner, fields) => {
                const f = await create.mutateAsync({ ...owner, fields });
                await navigate(fileUrl(f.id), { state: { notice: 'fileRegister.done.created' } });
              }}
            />
          );
        }}
      </QueryState>
    </Page>
  );
}

/**
 * Editing the version in progress (a draft, or one returned for correction), or — when the file has
 * none — starting an amendment from the registered entry (A20-3).
 */
export function EditFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const file = useRegisterFile(id);
  const edit = useEditDraft();
  const amend = useAmend();
  return (
    <QueryState query={file}>
      {(f) => {
        const version = f.open ?? f.current;
        const amending = !f.open;
        const mutation = amending ? amend : edit;
        const title = amending
          ? t('fileRegister.form.amendTitle')
          : t('fileRegister.form.editTitle', { number: f.open?.number ?? 1 });
        return (
          <Page
            title={title}
            crumbs={[
              { label: t('fileRegister.title'), to: LIST },
              { label: version?.fields.name ?? t('fileRegister.detail.crumb'), to: fileUrl(f.id) },
              { label: title },
            ]}
            lead={
              <p>
                {f.unitName} {f.sectionName}
                {amending && (
                  <>
                    <br />
                    {t('fileRegister.form.amendLead')}
                  </>
                )}
              </p>
            }
          >
            <EntryForm
              initial={version?.fields ?? null}
              owner={{ unitId: f.unitId, sectionId: f.sectionId }}
              fileId={f.id}
              submitLabel={amending ? t('fileRegister.form.saveAmend') : t('fileRegister.form.save')}
              cancelTo={fileUrl(f.id)}
              pending={mutation.isPending}
              error={mutation.error}
              onSave={async (_owner, fields) => {
                await mutation.mutateAsync({ id: f.id, fields });
                await navigate(fileUrl(f.id), {
                  state: { notice: amending ? 'fileRegister.done.amend' : 'fileRegister.done.edited' },
                });
              }}
            />
          </Page>
        );
      }}
    </QueryState>
  );
}
