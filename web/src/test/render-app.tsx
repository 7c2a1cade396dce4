import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { Lang } from '#domain/lang';
import { AppProviders } from '../app/app-providers.tsx';
import { AppRoutes } from '../app/app-routes.tsx';
import { createServices } from '../app/create-services.ts';
import { createI18n } from './i18n.ts';

/** The whole app at a given address, as the browser would show it, with fetch already faked by the test. */
export function renderApp({ path = '/', lang = 'ru' }: { path?: string; lang?: Lang } = {}) {
  const services = createServices(createI18n(lang));
  const user = userEvent.setup();
  const view = render(
    <AppProviders services={services} env="test">
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, services };
}
