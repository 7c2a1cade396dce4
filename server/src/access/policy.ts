import { normalizeClassLabel } from '#domain/class-label';
import { forbidden, notFound } from '../http/app-error.ts';
import {
  GLOBAL_RULES,
  RELATIONS,
  RULES,
  type GlobalAction,
  type Mark,
  type Relation,
  type Role,
  type ScopedAction,
} from './rules.ts';
import type { Viewer } from './viewer.ts';

// Codes are limited to letters, digits, '.' and '-' (see org-units.schema.ts), so a path never holds a LIKE
// wildcard and a prefix needs no escaping.
const SAFE_PATH = /^\/([\p{L}\p{N}.-]+\/)*$/u;

/** A record as the policy sees it: the path of its unit and, for a record of a child, the child's class. */
export interface Target {
  path: string;
  /** Present (even null) for a record tied to a child: null when it names no registry child. */
  classLabel?: string | null;
}

let makeScope: (parts: ScopeParts) => Scope;

interface ScopeParts {
  action: ScopedAction;
  root: string;
  prefix: string | null;
  notExact: string | null;
  exact: readonly string[];
  classes: readonly string[] | null;
  masked: boolean;
}

/**
 * Which records a query may touch, as decided by the policy for one viewer and one action. Only this module can
 * make one (the constructor is private and the factory is module-local), and every repository read of records
 * that belong to org units takes one, so a query without a decided scope does not type-check. The SQL it stands
 * for is written by scope-sql.ts.
 */
export class Scope {
  readonly #parts: ScopeParts;

  private constructor(parts: ScopeParts) {
    this.#parts = parts;
  }

  static {
    makeScope = (parts) => new Scope(parts);
  }

  /** The action the scope was decided for. */
  get action(): ScopedAction {
    return this.#parts.action;
  }
  /** The unit the records are looked for under: the viewer's own, or one below it chosen with `?org=`. */
  get root(): string {
    return this.#parts.root;
  }
  /** Paths matching `prefix%` (minus `notExact`) are in scope… */
  get prefix(): string | null {
    return this.#parts.prefix;
  }
  get notExact(): string | null {
    return this.#parts.notExact;
  }
  /** …and so are these exact paths (units above whose records apply below). */
  get exact(): readonly string[] {
    return this.#parts.exact;
  }
  /** A teacher's classes: records of children outside them are out of scope. Null: every class. */
  get classes(): readonly string[] | null {
    return this.#parts.classes;
  }
  /** The viewer gets the masked view: no full IIN, phones, guardians, addresses, documents, notes. */
  get masked(): boolean {
    return this.#parts.masked;
  }

  /** Whether a record at `path` (of a child in `classLabel`) lies in this scope. */
  covers(path: string, classLabel?: string | null): boolean {
    const p = this.#parts;
    const inPaths =
      (p.prefix !== null && path.startsWith(p.prefix) && path !== p.notExact) || p.exact.includes(path);
    if (!inPaths) return false;
    if (p.classes === null) return true;
    return (
      classLabel !== undefined && classLabel !== null && p.classes.includes(normalizeClassLabel(classLabel))
    );
  }
}

const readable = (m: Mark) => m === '✓' || m === '◐';

/** Strict ancestors of a path: '/KZ/R1/SA/' → ['/', '/KZ/', '/KZ/R1/']. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out = ['/'];
  for (let i = 1; i < parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}/`);
  return parts.length === 0 ? [] : out;
}

function marksOf(role: Role, action: ScopedAction): Record<Relation, Mark> {
  const marks = [...RULES[action][role]] as Mark[];
  return Object.fromEntries(RELATIONS.map((r, i) => [r, marks[i]!])) as Record<Relation, Mark>;
}

function teacherClasses(viewer: Viewer): string[] {
  return viewer.classes.map(normalizeClassLabel);
}

/** How a record relates to the viewer (see RELATIONS). */
export function relationOf(viewer: Viewer, target: Target): Relation {
  const own = viewer.orgPath;
  if (target.path === own) {
    const label = target.classLabel;
    if (label !== undefined && label !== null && teacherClasses(viewer).includes(normalizeClassLabel(label)))
      return 'class';
    return 'unit';
  }
  if (target.path.startsWith(own)) return 'below';
  if (own.startsWith(target.path)) return 'above';
  return 'sibling';
}

/** The mark of the rules for this viewer, action and record. */
export function markFor(viewer: Viewer, action: ScopedAction, target: Target): Mark {
  return marksOf(viewer.role, action)[relationOf(viewer, target)];
}

/**
 * The one access policy. Services ask it before they read or change anything; repositories only accept the
 * scopes it makes.
 */
export const policy = {
  /**
   * The records of `action` the viewer may see, optionally narrowed to a unit (`?org=`), which must itself be
   * one the viewer may see (callers resolve it through `unit.read` first). Refuses (403) a viewer whose role
   * sees nothing of this action anywhere.
   */
  scope(viewer: Viewer, action: ScopedAction, narrowTo?: { path: string }): Scope {
    const marks = marksOf(viewer.role, action);
    if (!RELATIONS.some((r) => readable(marks[r]))) throw forbidden();
    const own = viewer.orgPath;
    const root = narrowTo?.path ?? own;
    if (!SAFE_PATH.test(root) || !SAFE_PATH.test(own)) throw new Error(`unsafe org path: ${root}`);
    const ownVisible = readable(marks.unit) || readable(marks.class);
    const belowVisible = readable(marks.below);
    let prefix: string | null = null;
    let notExact: string | null = null;
    const exact: string[] = [];
    if (root === own) {
      if (ownVisible && belowVisible) prefix = root;
      else if (belowVisible) {
        prefix = root;
        notExact = root;
      } else if (ownVisible) exact.push(root);
    } else if (root.startsWith(own) && belowVisible) {
      prefix = root;
    }
    if (readable(marks.above)) {
      for (const a of ancestorsOf(root)) {
        const rel = relationOf(viewer, { path: a });
        if (readable(marks[rel])) exact.push(a);
      }
    }
    const classBound = readable(marks.class) && !readable(marks.unit);
    const masked = RELATIONS.some((r) => marks[r] === '◐');
    return makeScope({
      action,
      root,
      prefix,
      notExact,
      exact,
      classes: classBound ? teacherClasses(viewer) : null,
      masked,
    });
  },

  /**
   * The whole installation (or all under one unit), for the operator's CLI, the public page's figures and the
   * checks that must look everywhere (is an IIN already held, is a code or an id taken) and never show what they
   * find.
   */
  everywhere(
    action: ScopedAction,
    _why: 'uniqueness' | 'operator' | 'public',
    under: { path: string } = { path: '/' },
  ): Scope {
    if (!SAFE_PATH.test(under.path)) throw new Error(`unsafe org path: ${under.path}`);
    const root = under.path;
    return makeScope({ action, root, prefix: root, notExact: null, exact: [], classes: null, masked: false });
  },

  /** The same decision, narrowed to a unit inside it (a report's unit below the one asked for). */
  narrowed(scope: Scope, unit: { path: string }): Scope {
    const inside =
      scope.prefix !== null && unit.path.startsWith(scope.prefix) && unit.path !== scope.notExact;
    return makeScope({
      action: scope.action,
      root: unit.path,
      prefix: inside ? unit.path : null,
      notExact: null,
      exact: scope.exact.filter((p) => unit.path.startsWith(p) && p !== unit.path),
      classes: scope.classes,
      masked: scope.masked,
    });
  },

  mark: markFor,

  /** Whether the viewer may do `action` to the record (✓, or ◐ for reads). */
  may(viewer: Viewer, action: ScopedAction, target: Target): boolean {
    return readable(markFor(viewer, action, target));
  },

  /** Throws what the caller must hear: 404 for a record the viewer may not see, 403 for one it may not change. */
  check(viewer: Viewer, action: ScopedAction, target: Target): void {
    const mark = markFor(viewer, action, target);
    if (readable(mark)) return;
    if (mark === '✗') throw forbidden();
    throw notFound();
  },

  /**
   * For a record of a whole unit rather than of one child (a new call or raid, a handover of many children):
   * in the viewer's own unit the action is allowed when the rules allow it there or in the viewer's own classes
   * (each child is then checked on its own); elsewhere the unit's own mark decides. Throws 403 or 404.
   */
  checkUnit(viewer: Viewer, action: ScopedAction, unit: { path: string }): void {
    const marks = marksOf(viewer.role, action);
    const rel = relationOf(viewer, { path: unit.path });
    const options = rel === 'unit' ? [marks.unit, marks.class] : [marks[rel]];
    if (options.some(readable)) return;
    if (options.includes('✗')) throw forbidden();
    throw notFound();
  },

  /** Whether the viewer's role may do `action` anywhere at all (route gating, what the web app offers). */
  anywhere(viewer: Viewer, action: ScopedAction | GlobalAction): boolean {
    if (action in GLOBAL_RULES) return GLOBAL_RULES[action as GlobalAction][viewer.role] === '✓';
    const marks = marksOf(viewer.role, action as ScopedAction);
    return RELATIONS.some((r) => readable(marks[r]));
  },

  /** Refuses (403) an action the viewer's role never has. */
  require(viewer: Viewer, action: ScopedAction | GlobalAction): void {
    if (!policy.anywhere(viewer, action)) throw forbidden();
  },

  /** The view of personal data for records of `action` at `target`: masked for ◐. */
  masked(viewer: Viewer, action: ScopedAction, target: Target): boolean {
    return markFor(viewer, action, target) === '◐';
  },
};
