import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkIin, iinBirthDateMismatch } from '#domain/iin';

export interface IinState {
  error: string | null;
  warning: string | null;
}

/**
 * What to tell about an IIN while it is typed: nothing while it is still short and only digits, an error as soon
 * as it cannot become valid (a letter, too long, a wrong check digit), and a warning — never a refusal — when it
 * does not match the birth date entered.
 */
export function useIinState(value: string, birthDate: string): IinState {
  const { t: tc } = useTranslation('children');
  const text = value.trim();
  if (text === '') return { error: null, warning: null };
  if (/^\d{1,11}$/.test(text)) return { error: null, warning: null };
  const check = checkIin(text);
  if (!check.ok) return { error: tc(`errors.iin.${check.error}`), warning: null };
  if (birthDate && iinBirthDateMismatch(text, birthDate)) {
    return { error: null, warning: tc('warnings.iinBirthDate') };
  }
  return { error: null, warning: null };
}

interface IinInputProps {
  value: string;
  onChange: (value: string) => void;
  birthDate: string;
  /** An error from the server (taken, elsewhere), shown when the typed value has none of its own. */
  serverError?: string | null;
  readOnly?: boolean;
}

export function IinInput({ value, onChange, birthDate, serverError, readOnly }: IinInputProps) {
  const { t: tc } = useTranslation('children');
  const state = useIinState(value, birthDate);
  const error = state.error ?? serverError ?? null;
  return (
    <TextInput
      label={tc('fields.iin')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\s+/g, ''))}
      inputMode="numeric"
      autoComplete="off"
      maxLength={14}
      readOnly={readOnly}
      error={error}
      description={!error && state.warning ? state.warning : undefined}
      styles={
        !error && state.warning ? { description: { color: 'var(--mantine-color-orange-8)' } } : undefined
      }
      data-testid="child-iin"
    />
  );
}
