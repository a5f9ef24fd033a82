import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OfficeView } from '../../../../shared/api/requests.ts';
import { SelectField } from '../../../ui/field.tsx';
import type { IntakeValues } from './intake-values.ts';

/**
 * 受付窓口: the sections where the caller receives requests, grouped by unit, with the register's
 * 開示請求等を受理する組織 texts of the chosen office as help (法75, the register names the office).
 */
export function OfficeField({ form, offices }: { form: UseFormReturn<IntakeValues>; offices: OfficeView[] }) {
  const { t } = useTranslation();
  const chosen = offices.find((o) => o.sectionId === form.watch('sectionId'));
  const units = [...new Map(offices.map((o) => [o.unitId, o.unitName])).entries()];
  const help =
    chosen && chosen.registerTexts.length > 0 ? (
      <>
        {t('requests.intake.officeHelp')}
        <ul className="list-disc pl-6">
          {chosen.registerTexts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </>
    ) : undefined;
  return (
    <SelectField
      label={t('requests.intake.office')}
      registration={form.register('sectionId')}
      error={form.formState.errors.sectionId}
      required
      help={help}
      placeholder={t('requests.intake.choose')}
    >
      {units.map(([unitId, unitName]) => (
        <optgroup key={unitId} label={unitName}>
          {offices
            .filter((o) => o.unitId === unitId)
            .map((o) => (
              <option key={o.sectionId} value={o.sectionId}>
                {`${o.unitName} ${o.sectionName}`}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
