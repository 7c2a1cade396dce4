import { useSearchParams } from 'react-router';
import { CHILD_SORTS, type ChildFilters, type ChildSort } from './children.types.ts';

const KEYS = ['q', 'class', 'category', 'status', 'need', 'sort'] as const;
type Key = (typeof KEYS)[number];

/**
 * The list's filters live in the address: a filtered list can be bookmarked, and the export and the printed
 * class list read exactly what the list shows.
 */
export function useChildFilters(org: string) {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') ?? 'name';
  const filters: ChildFilters = {
    org,
    q: params.get('q') ?? '',
    class: params.get('class') ?? '',
    category: params.get('category') ?? '',
    status: params.get('status') ?? '',
    need: params.get('need') ?? '',
    sort: (CHILD_SORTS as readonly string[]).includes(sortParam) ? (sortParam as ChildSort) : 'name',
  };
  const update = (patch: Partial<Record<Key, string>>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value && !(key === 'sort' && value === 'name')) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };
  const set = (key: Key, value: string) => update({ [key]: value });
  const search = (() => {
    const next = new URLSearchParams();
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    const text = next.toString();
    return text ? `?${text}` : '';
  })();
  return { filters, set, update, search };
}
