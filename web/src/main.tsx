import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/app-providers.tsx';
import { AppRoutes } from './app/app-routes.tsx';
import { createServices } from './app/create-services.ts';
import { createLazyI18n } from './i18n/i18n.ts';
import { initialLanguage } from './i18n/language.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The user's language catalogs arrive with the page's own chunk (both are requested at once); the first render
// waits for them so that no key flashes on screen.
// (No top-level await: the build targets browsers a few years old.)
void createLazyI18n(initialLanguage()).then((i18n) =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders services={createServices(i18n)}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
