import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

const campaign = {
  id: 'c-2025',
  orgCode: 'balkhash',
  orgNameRu: 'Отдел образования города Балхаш',
  orgNameKk: 'Балқаш қаласының білім бөлімі',
  year: 2025,
  from: '2025-08-01',
  to: '2025-09-30',
  mottoRu: 'Дорога в школу — добро без границ',
  mottoKk: 'Мектепке жол — шекарасыз мейірім',
  goals: null,
  status: 'open',
  canManage: true,
  version: 3,
};

describe('campaigns page', () => {
  it('shows the motto in Kazakh and the reason when an edit of a campaign is refused', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('officer', { lang: 'kk' })),
      'GET /api/campaigns': { body: { items: [campaign] } },
      'PATCH /api/campaigns/:id': apiError(409, 'campaign_closed', '2025 жылғы акция жабылған.'),
    });
    const { user } = renderApp({ path: '/campaigns', lang: 'kk' });
    expect(await screen.findByText('«Мектепке жол — шекарасыз мейірім»')).toBeInTheDocument();
    await user.click(screen.getByTestId('campaign-edit'));
    await user.click(screen.getByText('Сақтау'));
    expect(await screen.findByText('2025 жылғы акция жабылған.')).toBeInTheDocument();
    expect(server.callsTo('PATCH', '/api/campaigns/c-2025')[0]?.body).toMatchObject({ version: 3 });
  });
});
