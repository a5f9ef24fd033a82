import { useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_INSPECTION_INTERVAL_DAYS,
  ENTRY_AUTH_KINDS,
  ROOM_KINDS,
  type EntryAuthKind,
  type RoomKind,
  type RoomListView,
  type RoomView,
} from '../../../../shared/api/facility-rooms.ts';
import { CheckboxField, RadioGroupField } from '../../../ui/choice-field.tsx';
import { SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../../ui/form-errors.tsx';
import { orNull, required } from '../../../ui/form-rules.ts';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useRoomsCrumbs } from './labels.tsx';
import { useRoom, useRooms, useSaveRoom } from './queries.ts';

interface Values {
  name: string;
  kind: RoomKind;
  sectionId: string;
  locationNote: string;
  entryAuth: EntryAuthKind;
  inspectionIntervalDays: string;
  notes: string;
  active: boolean;
}
const FIELDS = [
  'name',
  'kind',
  'sectionId',
  'locationNote',
  'entryAuth',
  'inspectionIntervalDays',
  'notes',
] as const;

function defaults(room: RoomView | null, list: RoomListView): Values {
  return {
    name: room?.name ?? '',
    kind: room?.kind ?? 'server_room',
    sectionId: room?.sectionId ?? (list.keepableSections.length === 1 ? list.keepableSections[0]!.id : ''),
    locationNote: room?.locationNote ?? '',
    entryAuth: room?.entryAuth ?? 'none',
    inspectionIntervalDays: String(room?.inspectionIntervalDays ?? DEFAULT_INSPECTION_INTERVAL_DAYS),
    notes: room?.notes ?? '',
    active: room?.active ?? true,
  };
}

/** A room (A32-1: 情報システム室 or 媒体の保管施設) registered or changed by its keepers. */
function RoomForm({ room, list }: { room: RoomView | null; list: RoomListView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveRoom(room?.id ?? null);
  const form = useForm<Values>({ defaultValues: defaults(room, list) });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) => {
    const common = {
      name: v.name.trim(),
      kind: v.kind,
      locationNote: orNull(v.locationNote),
      entryAuth: v.entryAuth,
      inspectionIntervalDays: Number(v.inspectionIntervalDays),
      notes: orNull(v.notes),
    };
    return save
      .mutateAsync(room ? { ...common, active: v.active } : { ...common, sectionId: v.sectionId })
      .then((saved) =>
        navigate(`/facilities/rooms/${saved.id}`, { state: { notice: 'facilityRooms.form.saved' } }),
      )
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError));
  });
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="max-w-3xl">
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <TextField
        label={t('facilityRooms.form.name')}
        help={t('facilityRooms.form.nameHelp')}
        registration={form.register('name', required(t('validation.required')))}
        error={errors.name}
        required
      />
      <RadioGroupField
        label={t('facilityRooms.room.kind')}
        registration={form.register('kind')}
        required
        options={ROOM_KINDS.map((k) => ({ value: k, label: t(`facilityRooms.kinds.${k}`) }))}
      />
      {!room && (
        <SelectField
          label={t('facilityRooms.room.section')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
          placeholder=""
          options={list.keepableSections.map((s) => ({ value: s.id, label: `${s.unitName} ${s.name}` }))}
        />
      )}
      <TextAreaField
        label={t('facilityRooms.room.location')}
        help={t('facilityRooms.room.locationHelp')}
        registration={form.register('locationNote')}
        error={errors.locationNote}
      />
      <SelectField
        label={t('facilityRooms.room.entryAuth')}
        help={t('facilityRooms.form.entryAuthHelp')}
        registration={form.register('entryAuth')}
        options={ENTRY_AUTH_KINDS.map((k) => ({ value: k, label: t(`facilityRooms.entryAuth.${k}`) }))}
      />
      <TextField
        label={t('facilityRooms.form.intervalDays')}
        type="number"
        inputMode="numeric"
        className="max-w-xs"
        registration={form.register('inspectionIntervalDays', {
          validate: (v: string) =>
            (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 3650) || t('validation.format'),
        })}
        error={errors.inspectionIntervalDays}
        required
      />
      <TextAreaField
        label={t('facilityRooms.room.notes')}
        registration={form.register('notes')}
        error={errors.notes}
      />
      {room && (
        <CheckboxField label={t('facilityRooms.form.active')} registration={form.register('active')} />
      )}
      <button type="submit" className="btn-primary" disabled={save.isPending}>
        {t(room ? 'facilityRooms.form.update' : 'facilityRooms.form.create')}
      </button>
    </form>
  );
}

/** /facilities/rooms/new — a keeper registers a room or a storage facility (A32-1). */
export function RoomNewPage() {
  const { t } = useTranslation();
  const crumbs = useRoomsCrumbs();
  const list = useRooms();
  const title = t('facilityRooms.form.newTitle');
  return (
    <Page title={title} crumbs={[...crumbs, { label: title }]}>
      <QueryState query={list}>{(l) => <RoomForm room={null} list={l} />}</QueryState>
    </Page>
  );
}

/** /facilities/rooms/:id/edit — its keepers change a room, or retire it. */
export function RoomEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useRoomsCrumbs();
  const list = useRooms();
  const room = useRoom(id);
  const title = t('facilityRooms.form.editTitle');
  return (
    <Page
      title={title}
      crumbs={[...crumbs, { label: room.data?.name ?? '…', to: `/facilities/rooms/${id}` }, { label: title }]}
    >
      <QueryState query={room}>
        {(r) => <QueryState query={list}>{(l) => <RoomForm room={r} list={l} />}</QueryState>}
      </QueryState>
    </Page>
  );
}
