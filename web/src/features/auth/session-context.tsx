import { createContext, useContext, type ReactNode } from 'react';
import type { Me, Role } from '../../api/types.ts';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the protected part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside <SessionProvider>');
  return me;
}

/** Admins and education officers manage org units and users; school staff do not. */
export function canAdminister(role: Role): boolean {
  switch (role) {
    case 'admin':
    case 'officer':
      return true;
    case 'coordinator':
    case 'teacher':
    case 'director':
      return false;
  }
}
