import { sql, type Expression, type SqlBool } from 'kysely';
import type { Scope } from './policy.ts';

/** How a query reaches the class of the child its rows belong to, when they belong to one. */
export type ChildLink =
  /** The query already joins the child: its class column. */
  | { classColumn: string }
  /** The rows hold a child id: the child's class is looked up (a row without a child is out of a class scope). */
  | { childIdColumn: string };

/**
 * The SQL condition "this row lies in the scope": its org path is one the policy allowed and, for a teacher's
 * scope, its child is in one of the teacher's classes. Repositories put it in every read of records that belong
 * to org units. A class-bound scope used on rows with no child link is a programming error and throws.
 */
export function inScope(scope: Scope, pathColumn: string, child?: ChildLink): Expression<SqlBool> {
  const path = sql.ref(pathColumn);
  const parts: Expression<SqlBool>[] = [];
  if (scope.prefix !== null) {
    parts.push(
      scope.notExact !== null
        ? sql<SqlBool>`(${path} like ${scope.prefix + '%'} and ${path} <> ${scope.notExact})`
        : sql<SqlBool>`${path} like ${scope.prefix + '%'}`,
    );
  }
  if (scope.exact.length > 0) parts.push(sql<SqlBool>`${path} in (${sql.join([...scope.exact])})`);
  const where = parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  if (scope.classes === null) return where;
  if (!child) throw new Error(`a class-bound scope (${scope.action}) on rows without a child`);
  if (scope.classes.length === 0) return sql<SqlBool>`1 = 0`;
  const classes = sql.join([...scope.classes]);
  const inClass =
    'classColumn' in child
      ? sql<SqlBool>`${sql.ref(child.classColumn)} in (${classes})`
      : sql<SqlBool>`exists (select 1 from children as scope_child where scope_child.id = ${sql.ref(child.childIdColumn)} and scope_child.class_label in (${classes}))`;
  return sql<SqlBool>`(${where} and ${inClass})`;
}
