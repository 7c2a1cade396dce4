import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OrgUnit } from '../../api/types.ts';
import { useSession } from '../auth/session-context.tsx';
import { useOrgUnit } from './org-units.api.ts';

interface CurrentOrg {
  /** The unit whose data the pages show: the user's own or one below it. */
  unit: OrgUnit;
  select: (unit: OrgUnit) => void;
}

const CurrentOrgContext = createContext<CurrentOrg | null>(null);
const storageKey = (userId: string) => `mektep.org.${userId}`;

export function CurrentOrgProvider({ children }: { children: ReactNode }) {
  const me = useSession();
  const [storedCode, setStoredCode] = useState<string | null>(() => readStoredCode(me.id));
  const [picked, setPicked] = useState<OrgUnit | null>(null);

  const restoring = storedCode !== null && storedCode !== me.orgUnit.code && picked === null;
  const restored = useOrgUnit(restoring ? storedCode : null);

  const select = useCallback(
    (unit: OrgUnit) => {
      setPicked(unit);
      setStoredCode(unit.code);
      try {
        localStorage.setItem(storageKey(me.id), unit.code);
      } catch {
        // Not remembered across visits; fine.
      }
    },
    [me.id],
  );

  // A remembered unit the user can no longer see simply falls back to their own.
  const unit = picked ?? (restoring && restored.data ? restored.data : me.orgUnit);
  const value = useMemo(() => ({ unit, select }), [unit, select]);
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrg {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg() outside <CurrentOrgProvider>');
  return value;
}

function readStoredCode(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}
