import { Route, Routes } from 'react-router';
import { AidPage } from './aid-page.tsx';

/** Everything under /aid. */
export function AidRoutes() {
  return (
    <Routes>
      <Route index element={<AidPage />} />
    </Routes>
  );
}
