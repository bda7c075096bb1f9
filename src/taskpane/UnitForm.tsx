/** The unit's details typed once at set-up; they seed "Thông tin đơn vị". */
import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { UNIT_TYPES } from '../domain/unitTypes';
import type { UnitDetails } from '../usecases/createSheets';
import type { Translate } from './useT';

export interface UnitFormValues {
  name: string;
  type: string;
  isPublic: '' | 'yes' | 'no';
  year: string;
  level: string;
  receiver: string;
  receiverTier: string;
}

export type UnitFormErrors = Partial<Record<keyof UnitFormValues, string>>;

export function emptyUnitForm(now = new Date()): UnitFormValues {
  // Data cover the calendar year; dossiers are made in January for the year before.
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  return { name: '', type: '', isPublic: '', year: String(year), level: '', receiver: '', receiverTier: '' };
}

export function checkUnitForm(v: UnitFormValues, t: Translate): UnitFormErrors {
  const errors: UnitFormErrors = {};
  if (!v.name.trim()) errors.name = t('pane.unit.nameRequired');
  if (!v.type) errors.type = t('pane.unit.typeRequired');
  if (v.year.trim() && !/^(19|20|21)\d\d$/.test(v.year.trim())) errors.year = t('pane.unit.yearInvalid');
  return errors;
}

/** The form as an existing "Thông tin đơn vị" fills it (fields it lacks keep their value). */
export function formFromDetails(d: UnitDetails, base: UnitFormValues): UnitFormValues {
  return {
    name: d.name || base.name,
    type: d.type || base.type,
    isPublic: d.isPublic === undefined ? base.isPublic : d.isPublic ? 'yes' : 'no',
    year: d.year === undefined ? base.year : String(d.year),
    level: d.level ?? base.level,
    receiver: d.receiver ?? base.receiver,
    receiverTier: d.receiverTier ?? base.receiverTier,
  };
}

export function unitDetails(v: UnitFormValues): UnitDetails {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  const details: UnitDetails = { name: v.name.trim(), type: v.type };
  if (v.isPublic) details.isPublic = v.isPublic === 'yes';
  if (v.year.trim()) details.year = Number(v.year.trim());
  const level = text(v.level);
  if (level) details.level = level;
  const receiver = text(v.receiver);
  if (receiver) details.receiver = receiver;
  const tier = text(v.receiverTier);
  if (tier) details.receiverTier = tier;
  return details;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
});

export function UnitForm(props: { values: UnitFormValues; errors: UnitFormErrors; disabled: boolean; onChange(v: UnitFormValues): void; t: Translate }) {
  const { values: v, errors, t, disabled } = props;
  const s = useStyles();
  const set = <K extends keyof UnitFormValues>(key: K, value: UnitFormValues[K]) => props.onChange({ ...v, [key]: value });
  const state = (key: keyof UnitFormValues) => (errors[key] ? { validationState: 'error' as const, validationMessage: errors[key] } : {});
  return (
    <fieldset className={s.form}>
      <legend className={s.legend}>{t('pane.unit.legend')}</legend>
      <Field label={t('pane.unit.name')} required {...state('name')}>
        <Input disabled={disabled} value={v.name} onChange={(_, d) => set('name', d.value)} placeholder={t('pane.unit.namePlaceholder')} />
      </Field>
      <Field label={t('pane.unit.type')} required {...state('type')}>
        <Select disabled={disabled} value={v.type} onChange={(_, d) => set('type', d.value)}>
          <option value="">{t('pane.unit.typeChoose')}</option>
          {UNIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('pane.unit.public')}>
        <RadioGroup disabled={disabled} layout="horizontal" value={v.isPublic} onChange={(_, d) => set('isPublic', d.value as UnitFormValues['isPublic'])}>
          <Radio value="yes" label={t('pane.unit.yes')} />
          <Radio value="no" label={t('pane.unit.no')} />
        </RadioGroup>
      </Field>
      <Field label={t('pane.unit.year')} hint={t('pane.unit.yearHint')} {...state('year')}>
        <Input disabled={disabled} value={v.year} inputMode="numeric" onChange={(_, d) => set('year', d.value)} />
      </Field>
      <Field label={t('pane.unit.level')} hint={t('pane.unit.levelHint')}>
        <Input disabled={disabled} value={v.level} onChange={(_, d) => set('level', d.value)} />
      </Field>
      <Field label={t('pane.unit.receiver')} hint={t('pane.unit.receiverHint')}>
        <Input disabled={disabled} value={v.receiver} onChange={(_, d) => set('receiver', d.value)} />
      </Field>
      <Field label={t('pane.unit.receiverTier')} hint={t('pane.unit.receiverTierHint')}>
        <Input disabled={disabled} value={v.receiverTier} onChange={(_, d) => set('receiverTier', d.value)} />
      </Field>
    </fieldset>
  );
}
