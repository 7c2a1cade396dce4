import { Route, Routes } from 'react-router';
import { ChildCardPage } from './child-card-page.tsx';
import { ChildrenPage } from './children-page.tsx';
import { NeedsSummaryPage } from './needs-summary-page.tsx';
import { PrintClassListPage } from './print-class-list-page.tsx';
import { RequestsPage } from './requests-page.tsx';

/** Everything under /children: the list, a card, a new child, the needs summary and the printed class list. */
export function ChildrenRoutes() {
  return (
    <Routes>
      <Route index element={<ChildrenPage />} />
      <Route path="new" element={<ChildCardPage />} />
      <Route path="needs-summary" element={<NeedsSummaryPage />} />
      <Route path="print" element={<PrintClassListPage />} />
      <Route path="requests" element={<RequestsPage />} />
      <Route path=":id" element={<ChildCardPage />} />
    </Routes>
  );
}
