import { ACTION_NOTES, GLOBAL_RULES, ROLES, RULES, type GlobalAction, type ScopedAction } from './rules.ts';

/**
 * The rules of rules.ts as the Markdown tables of docs/security.md (a test keeps the two equal; its failure prints
 * this text to paste in).
 */
export function rulesTableMarkdown(): string {
  const head = `| action | ${ROLES.join(' | ')} | what it is |`;
  const rule = `|${' --- |'.repeat(ROLES.length + 2)}`;
  const scoped = (Object.keys(RULES) as ScopedAction[]).map(
    (a) => `| \`${a}\` | ${ROLES.map((r) => `\`${RULES[a][r]}\``).join(' | ')} | ${ACTION_NOTES[a]} |`,
  );
  const global = (Object.keys(GLOBAL_RULES) as GlobalAction[]).map(
    (a) => `| \`${a}\` | ${ROLES.map((r) => GLOBAL_RULES[a][r]).join(' | ')} | ${ACTION_NOTES[a]} |`,
  );
  return [head, rule, ...scoped, '', 'Actions on no unit’s record:', '', head, rule, ...global].join('\n');
}
