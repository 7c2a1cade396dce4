import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { outbox } from '../field-sync/outbox.ts';

const kase = {
  id: 'case-1',
  childId: 'child-1',
  childName: 'Иванов Пётр',
  source: 'raid',
  openedOn: '2025-08-20',
  dueOn: '2025-08-27',
  status: 'open',
  closedOn: null,
  overdue: true,
  steps: [],
  version: 1,
};

describe('non-attendance cases on a phone', () => {
  beforeEach(() => outbox.reload());

  it('flags an overdue case and refuses a step dated before the raid without sending it', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('teacher')),
      'GET /api/cases': { body: { items: [kase] } },
      'POST /api/cases/:id/steps': (req) => ({ status: 201, body: { ...kase, steps: [req.body] } }),
    });
    const { user } = renderApp({ path: '/cases' });
    expect(await screen.findByTestId('case-overdue')).toHaveTextContent('просрочено');
    await user.click(screen.getByTestId('case-add-step'));
    fireEvent.change(screen.getByTestId('case-step-date'), { target: { value: '2025-08-19' } });
    await user.click(screen.getByTestId('case-step-save'));
    expect(await screen.findByText('Дата раньше дня выявления (2025-08-20).')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/cases/case-1/steps')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('case-step-date'), { target: { value: '2025-08-21' } });
    await user.click(screen.getByTestId('case-step-save'));
    await waitFor(() => expect(server.callsTo('POST', '/api/cases/case-1/steps')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/cases/case-1/steps')[0]?.body).toMatchObject({
      kind: 'home_visit',
      doneOn: '2025-08-21',
      byWhom: 'Айгүл Серікова',
    });
  });
});
