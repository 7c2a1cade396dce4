import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('dashboard', () => {
  it('opens on the latest campaign year of the unit, not on the calendar year', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/reports/years': { body: { years: [2000, 2001] } },
    });
    renderApp({ path: '/' });
    expect(await screen.findByText(/1 августа 2001/)).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(`1 августа ${new Date().getFullYear()}`))).toBeNull();
  });
});
