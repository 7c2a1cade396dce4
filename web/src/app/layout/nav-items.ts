import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCash,
  IconChecklist,
  IconFileImport,
  IconHeartHandshake,
  IconHome,
  IconMoodKid,
  IconPhoneCall,
  IconPresentation,
  IconReportAnalytics,
  IconSitemap,
  IconUserSearch,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export type SectionKey =
  | 'dashboard'
  | 'children'
  | 'aid'
  | 'sponsors'
  | 'plan'
  | 'hotline'
  | 'raids'
  | 'campaigns'
  | 'materials'
  | 'cases'
  | 'reports'
  | 'import'
  | 'orgUnits'
  | 'users';

export interface NavItem {
  key: SectionKey;
  path: string;
  icon: Icon;
  /** Only admins and education officers see it. */
  admin?: boolean;
  /** Built later in the campaign; the route shows a "coming soon" page. */
  comingSoon?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/', icon: IconHome },
  { key: 'children', path: '/children', icon: IconMoodKid },
  { key: 'aid', path: '/aid', icon: IconCash },
  { key: 'sponsors', path: '/sponsors', icon: IconHeartHandshake },
  { key: 'campaigns', path: '/campaigns', icon: IconCalendarEvent },
  { key: 'plan', path: '/plan', icon: IconChecklist },
  { key: 'materials', path: '/materials', icon: IconPresentation },
  { key: 'hotline', path: '/hotline', icon: IconPhoneCall },
  { key: 'raids', path: '/raids', icon: IconAlertTriangle },
  { key: 'cases', path: '/cases', icon: IconUserSearch },
  { key: 'reports', path: '/reports', icon: IconReportAnalytics },
  { key: 'import', path: '/import', icon: IconFileImport },
  { key: 'orgUnits', path: '/org-units', icon: IconSitemap, admin: true },
  { key: 'users', path: '/users', icon: IconUsers, admin: true },
];
