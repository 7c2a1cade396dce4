import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { normalizeClassLabel } from '#domain/class-label';
import type { Database } from '../db/engine.ts';

/** A child as the leak scanner knows it: what would identify it in an answer. */
interface KnownChild {
  id: string;
  path: string;
  classLabel: string;
  iin: string | null;
  fullName: string;
}

/** Who looks: the records they may see and whether they get the masked view. */
export interface Sight {
  /** Paths under which children are visible (prefix match); empty: none. */
  under: string[];
  /** A teacher's classes; null for every class. */
  classes: string[] | null;
  /** The masked view: no full IIN, guardian name or phone, caller name or phone may appear. */
  masked: boolean;
}

/**
 * Everything in the database that must never reach someone who may not see it: every child (id, IIN, full name),
 * every guardian's name and phone, every hotline caller's name and phone. Read once per test file.
 */
export async function readSecrets(database: Database) {
  const db = database.db;
  const children = await db
    .selectFrom('children')
    .select(['id', 'org_path', 'class_label', 'iin', 'surname', 'name', 'patronymic'])
    .execute();
  const known: KnownChild[] = children.map((c) => ({
    id: c.id,
    path: c.org_path,
    classLabel: c.class_label,
    iin: c.iin,
    fullName: [c.surname, c.name, c.patronymic].filter(Boolean).join(' '),
  }));
  // A full name is evidence only when no other child bears it.
  const nameCount = new Map<string, number>();
  for (const c of known) nameCount.set(c.fullName, (nameCount.get(c.fullName) ?? 0) + 1);
  const guardians = await db.selectFrom('child_guardians').select(['name', 'phone', 'iin']).execute();
  const callers = await db.selectFrom('hotline_calls').select(['caller', 'caller_phone']).execute();
  // Staff names (a call's handler, a case's author) are not personal data of a family.
  const staff = new Set((await db.selectFrom('users').select('name').execute()).map((u) => u.name));
  const personal = new Set<string>();
  for (const g of guardians) {
    if (g.name.length > 5) personal.add(g.name);
    if (g.phone) personal.add(g.phone);
    if (g.iin) personal.add(g.iin);
  }
  for (const c of callers) {
    if (c.caller && c.caller.length > 5) personal.add(c.caller);
    if (c.caller_phone) personal.add(c.caller_phone);
  }
  for (const s of staff) personal.delete(s);
  // A guardian named like a child (the demo draws both from the same names) is evidence only by phone.
  for (const c of known) for (const p of personal) if (c.fullName.startsWith(p)) personal.delete(p);
  return { children: known, uniqueName: (n: string) => nameCount.get(n) === 1, personal: [...personal] };
}
export type Secrets = Awaited<ReturnType<typeof readSecrets>>;

function sees(sight: Sight, c: KnownChild) {
  if (!sight.under.some((p) => c.path.startsWith(p))) return false;
  return sight.classes === null || sight.classes.includes(normalizeClassLabel(c.classLabel));
}

/**
 * What in `text` must not be there for this sight: a child outside it (by id, IIN or unique full name) and, for
 * the masked view, any full IIN, guardian or caller. Returns a short description of each finding.
 */
export function leaksIn(text: string, sight: Sight, secrets: Secrets): string[] {
  const found: string[] = [];
  for (const c of secrets.children) {
    const visible = sees(sight, c);
    if (!visible) {
      if (text.includes(c.id)) found.push(`child id ${c.id} (${c.path} ${c.classLabel})`);
      if (c.iin && text.includes(c.iin)) found.push(`IIN of a child outside (${c.path} ${c.classLabel})`);
      if (secrets.uniqueName(c.fullName) && text.includes(c.fullName))
        found.push(`name «${c.fullName}» (${c.path} ${c.classLabel})`);
    } else if (sight.masked && c.iin && text.includes(c.iin)) {
      found.push(`unmasked IIN of ${c.fullName}`);
    }
  }
  if (sight.masked) {
    for (const s of secrets.personal) if (text.includes(s)) found.push(`guardian/caller detail «${s}»`);
  }
  return found;
}

/** The readable text of an answer: JSON or text as is, XLSX and DOCX unzipped, PDF through pdftotext. */
export async function answerText(res: { data: Buffer; headers: Headers }): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('pdf')) {
    const dir = mkdtempSync(join(tmpdir(), 'mj-leak-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), res.data);
      return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (type.includes('openxmlformats') || type.includes('zip')) {
    const zip = await JSZip.loadAsync(res.data);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    // Text runs are split by tags; join them with nothing inside a cell/paragraph is not needed for ids/IINs,
    // and names are written in one run.
    return parts.join('\n').replace(/<[^>]+>/g, ' ');
  }
  return res.data.toString('utf8');
}
