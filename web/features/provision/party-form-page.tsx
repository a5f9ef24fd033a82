import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PARTY_KINDS, type PartyKind, type PartyView } from '../../../shared/api/provision-parties.ts';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { useCreateParty, useParty, useUpdateParty } from './queries.ts';

interface Contact {
  department: string;
  name: string;
  phone: string;
  email: string;
}
interface Values {
  kind: PartyKind | '';
  name: string;
  address: string;
  corporateNumber: string;
  contractor: boolean;
  managementStructure: string;
  notes: string;
  contacts: Contact[];
  active: boolean;
}

const EMPTY_CONTACT: Contact = { department: '', name: '', phone: '', email: '' };
const FIELDS = ['kind', 'name', 'address', 'corporateNumber', 'managementStructure', 'notes'] as const;

function valuesOf(p: PartyView | null): Values {
  if (!p)
    return {
      kind: '',
      name: '',
      address: '',
      corporateNumber: '',
      contractor: false,
      managementStructure: '',
      notes: '',
      contacts: [],
      active: true,
    };
  return {
    kind: p.kind,
    name: p.name,
    address: p.address ?? '',
    corporateNumber: p.corporateNumber ?? '',
    contractor: p.contractor,
    managementStructure: p.managementStructure ?? '',
    notes: p.notes ?? '',
    contacts: p.contacts.map((c) => ({
      department: c.department ?? '',
      name: c.name ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    active: p.active,
  };
}

/** The form of a party (A18, A19): kind, name, address, 法人番号, contacts, and for a contractor its structure. */
function PartyForm({ party }: { party: PartyView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateParty();
  const update = useUpdateParty(party?.id ?? '');
  const save = party ? update : create;
  const form = useForm<Values>({ defaultValues: valuesOf(party), shouldFocusError: false });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const input = {
      kind: v.kind as PartyKind,
      name: v.name.trim(),
      address: orNull(v.address),
      corporateNumber: orNull(v.corporateNumber),
      contractor: v.contractor,
      managementStructure: orNull(v.managementStructure),
      notes: orNull(v.notes),
      contacts: v.contacts.map((c) => ({
        department: orNull(c.department),
        name: orNull(c.name),
        phone: orNull(c.phone),
        email: orNull(c.email),
      })),
    };
    try {
      const view = party
        ? await update.mutateAsync({ ...input, active: v.active })
        : await create.mutateAsync(input);
      void navigate(`/provision/parties/${view.id}`, {
        state: { notice: party ? 'provision.party.updated' : 'provision.party.created' },
      });
    } catch (e) {
      applyServerErrors(e, FIELDS, form.setError);
    }
  });
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <SelectField
        label={t('provision.party.kind')}
        help={t('provision.party.kindHelp')}
        registration={form.register('kind', required(t('validation.choose')))}
        error={errors.kind}
        required
        placeholder=""
        options={PARTY_KINDS.map((k) => ({ value: k, label: t(`provision.partyKinds.${k}`) }))}
      />
      <TextField
        label={t('provision.party.name')}
        help={t('provision.party.nameHelp')}
        registration={form.register('name', required(t('validation.required')))}
        error={errors.name}
        required
      />
      <TextField
        label={t('provision.party.address')}
        registration={form.register('address')}
        error={errors.address}
      />
      <TextField
        label={t('provision.party.corporateNumber')}
        help={t('provision.party.corporateNumberHelp')}
        inputMode="numeric"
        registration={form.register('corporateNumber', {
          validate: (v) => v.trim() === '' || /^\d{13}$/.test(v.trim()) || t('validation.format'),
        })}
        error={errors.corporateNumber}
      />
      <CheckboxField
        label={t('provision.party.contractor')}
        help={t('provision.party.contractorHelp')}
        registration={form.register('contractor')}
      />
      {form.watch('contractor') && (
        <TextAreaField
          label={t('provision.party.managementStructure')}
          help={t('provision.party.managementStructureHelp')}
          registration={form.register('managementStructure')}
          error={errors.managementStructure}
        />
      )}
      <fieldset className="mb-6">
        <legend className="label mb-2">{t('provision.party.contacts')}</legend>
        {contacts.fields.map((f, n) => (
          <div key={f.id} className="card mb-4">
            <p className="mb-3 font-bold">{t('provision.party.contact', { n: n + 1 })}</p>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField
                label={t('provision.party.department')}
                registration={form.register(`contacts.${n}.department`)}
              />
              <TextField
                label={t('provision.party.contactName')}
                registration={form.register(`contacts.${n}.name`)}
              />
              <TextField
                label={t('provision.party.phone')}
                type="tel"
                registration={form.register(`contacts.${n}.phone`)}
                error={errors.contacts?.[n]?.phone}
              />
              <TextField
                label={t('provision.party.email')}
                type="email"
                registration={form.register(`contacts.${n}.email`)}
                error={errors.contacts?.[n]?.email}
              />
            </div>
            <button type="button" className="btn-secondary btn-sm" onClick={() => contacts.remove(n)}>
              {t('provision.party.removeContact', { n: n + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="btn-secondary btn-sm" onClick={() => contacts.append(EMPTY_CONTACT)}>
          {t('provision.party.addContact')}
        </button>
      </fieldset>
      <TextAreaField
        label={t('provision.party.notes')}
        registration={form.register('notes')}
        error={errors.notes}
      />
      {party && <CheckboxField label={t('provision.party.active')} registration={form.register('active')} />}
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {party ? t('provision.party.save') : t('provision.party.submit')}
      </button>
    </form>
  );
}

/** /provision/parties/new: register a party. */
export function PartyNewPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('provision.party.newTitle')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.parties.title'), to: '/provision/parties' },
        { label: t('provision.party.newTitle') },
      ]}
    >
      <PartyForm party={null} />
    </Page>
  );
}

/** /provision/parties/:id/edit: the whole record again; 登録中 unchecked retires it. */
export function PartyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const party = useParty(id);
  return (
    <Page
      title={t('provision.party.editTitle')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.parties.title'), to: '/provision/parties' },
        { label: party.data?.name ?? t('provision.party.title'), to: `/provision/parties/${id}` },
        { label: t('provision.party.editTitle') },
      ]}
    >
      <QueryState query={party}>{(p) => <PartyForm party={p} />}</QueryState>
    </Page>
  );
}
