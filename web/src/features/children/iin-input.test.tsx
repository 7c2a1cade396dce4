import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../test/i18n.ts';
import { IinInput } from './iin-input.tsx';

function Harness({ birthDate }: { birthDate: string }) {
  const [value, setValue] = useState('');
  return <IinInput value={value} onChange={setValue} birthDate={birthDate} />;
}

function renderIin(birthDate = '', lang: 'ru' | 'kk' = 'ru') {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <MantineProvider>
        <Harness birthDate={birthDate} />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { user, input: screen.getByTestId('child-iin') };
}

describe('IIN field', () => {
  it('stays quiet while a valid IIN is being typed and accepts the test vectors of both weight sets', async () => {
    const { user, input } = renderIin('1990-01-01');
    await user.type(input, '90010130000');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    await user.type(input, '7');
    expect(input).toHaveValue('900101300007');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '900101300811');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/не совпадает/)).toBeNull();
  });

  it('names a wrong check digit as soon as the twelfth digit is typed', async () => {
    const { user, input } = renderIin();
    await user.type(input, '900101300801');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/контрольная цифра/)).toBeInTheDocument();
  });

  it('refuses letters and a thirteenth digit at once', async () => {
    const { user, input } = renderIin();
    await user.type(input, '9001a');
    expect(screen.getByText(/только из цифр/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '9001013000071');
    expect(screen.getByText(/12 цифр/)).toBeInTheDocument();
  });

  it('only warns when the IIN does not match the birth date, in Kazakh too', async () => {
    const { user, input } = renderIin('2015-01-01', 'kk');
    await user.type(input, '900101300007');
    expect(input).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/ЖСН-дегі күнмен сәйкес келмейді/)).toBeInTheDocument();
  });
});
