import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { SelectField } from '../../../ui/field.tsx';

/**
 * The section a record belongs to: chosen among the reader's sections when the record is new, then
 * only shown (`fixed`, the unit and section of the record), since it never changes.
 */
export function SectionChoice({
  fixed,
  label,
  placeholder,
  sections,
  registration,
  error,
}: {
  fixed: string | null;
  label: string;
  placeholder: string;
  sections: { id: string; unitName: string; name: string }[];
  registration: UseFormRegisterReturn;
  error?: FieldError;
}) {
  if (fixed !== null)
    return (
      <p className="mb-6">
        <span className="label mr-2">{label}</span>
        {fixed.trim()}
      </p>
    );
  return (
    <SelectField
      label={label}
      registration={registration}
      error={error}
      required
      placeholder={placeholder}
      options={sections.map((s) => ({ value: s.id, label: `${s.unitName} ${s.name}` }))}
    />
  );
}
