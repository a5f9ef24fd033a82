import { useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  SAFEGUARD_ARTICLE,
  SAFEGUARD_ITEMS,
  SAFEGUARD_STATUSES,
  type InspectionInput,
  type RoomView,
  type SafeguardItem,
  type SafeguardStatus,
} from '../../../../shared/api/facility-rooms.ts';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { orNull } from '../../../ui/form-rules.ts';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { DateField } from '../common/date-field.tsx';
import { useRoomsCrumbs } from './labels.tsx';
import { useRecordInspection, useRoom } from './queries.ts';

type Values = {
  inspectedOn: string;
  notes: string;
} & Record<`${SafeguardItem}Status`, SafeguardStatus> &
  Record<`${SafeguardItem}Note`, string>;

function defaults(room: RoomView): Values {
  const v: Record<string, string> = { inspectedOn: todayInTokyo(), notes: '' };
  for (const s of room.safeguards) {
    // Before the first inspection nothing is known: the inspector chooses every item.
    v[`${s.item}Status`] = room.lastInspectedOn ? s.status : '';
    v[`${s.item}Note`] = s.note ?? '';
  }
  return v as Values;
}

function toInput(v: Values): InspectionInput {
  const items = Object.fromEntries(
    SAFEGUARD_ITEMS.map((i) => [i, { status: v[`${i}Status`], note: orNull(v[`${i}Note`]) }]),
  ) as InspectionInput['items'];
  return { inspectedOn: v.inspectedOn, items, notes: orNull(v.notes) };
}

/** A33: every safeguard's state at once, starting from the last inspection's (none before the first). */
function InspectionForm({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const record = useRecordInspection(room.id);
  const form = useForm<Values>({ defaultValues: defaults(room) });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync(toInput(v))
      .then(() =>
        navigate(`/facilities/rooms/${room.id}`, { state: { notice: 'facilityRooms.inspection.saved' } }),
      )
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
      <DateField
        form={form}
        name="inspectedOn"
        label={t('facilityRooms.inspection.inspectedOn')}
        className="max-w-xs"
      />
      {SAFEGUARD_ITEMS.map((item) => {
        const label = t(`facilityRooms.items.${item}`);
        return (
          <fieldset key={item} className="mb-6 rounded-lg border-2 border-line-soft p-4">
            <legend className="px-2 text-lg font-bold">
              {label}
              <span className="ml-2 text-sm font-normal text-ink-muted">
                {t(`facilityRooms.articles.${SAFEGUARD_ARTICLE[item]}`)}
              </span>
            </legend>
            <RadioGroupField
              label={t('facilityRooms.inspection.itemStatus', { item: label })}
              registration={form.register(`${item}Status`, {
                validate: (v: unknown) => (typeof v === 'string' && v !== '') || t('validation.choose'),
              })}
              error={errors[`${item}Status`]}
              required
              options={SAFEGUARD_STATUSES.map((s) => ({ value: s, label: t(`facilityRooms.statuses.${s}`) }))}
            />
            <TextAreaField
              label={t('facilityRooms.inspection.itemNote', { item: label })}
              registration={form.register(`${item}Note`)}
              className="mb-0"
            />
          </fieldset>
        );
      })}
      <TextAreaField label={t('facilityRooms.inspection.notes')} registration={form.register('notes')} />
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {t('facilityRooms.inspection.submit')}
      </button>
    </form>
  );
}

/** /facilities/rooms/:id/inspection — record an inspection of the room's safeguards (A33). */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useRoomsCrumbs();
  const room = useRoom(id);
  const title = t('facilityRooms.inspection.title');
  return (
    <Page
      title={title}
      crumbs={[...crumbs, { label: room.data?.name ?? '…', to: `/facilities/rooms/${id}` }, { label: title }]}
      lead={<p>{t('facilityRooms.inspection.lead')}</p>}
    >
      <QueryState query={room}>{(r) => <InspectionForm room={r} />}</QueryState>
    </Page>
  );
}
