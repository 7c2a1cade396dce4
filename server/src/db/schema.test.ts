import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { createTestDatabase, testEngine, type TestDatabase } from '../test/test-database.ts';

// db/schema.ts is written by hand (it carries the string unions and comments a generator cannot know); this test
// keeps it true. It migrates a fresh database of the engine under test (the server suite runs on both) and
// compares every table and column with schema.ts: same tables, same columns, the same kind of value, null where
// the column allows it, and Generated<…> exactly where the database fills in a default.

type Kind = 'string' | 'number' | 'bytes';
interface Column {
  kind: Kind | `unknown: ${string}`;
  nullable: boolean;
  hasDefault: boolean;
}
type Tables = Map<string, Map<string, Column>>;

const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));

/** SQL types by the kind of value the application reads (bigint comes back as a number, see engine.ts). */
function kindOfSqlType(type: string): Column['kind'] {
  const t = type.toLowerCase();
  if (/^(text|varchar|character varying|char|character)/.test(t)) return 'string';
  if (/^(integer|int|int2|int4|int8|bigint|smallint|real|double precision|numeric)$/.test(t)) return 'number';
  if (/^(blob|bytea)$/.test(t)) return 'bytes';
  return `unknown: ${type}`;
}

async function tablesOfDatabase(database: TestDatabase): Promise<Tables> {
  const tables: Tables = new Map();
  const add = (table: string, name: string, column: Column) => {
    if (table.startsWith('schema_migrations')) return; // the migrator's own bookkeeping (db/migrate.ts)
    if (!tables.has(table)) tables.set(table, new Map());
    tables.get(table)!.set(name, column);
  };
  if (testEngine === 'postgres') {
    const rows = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
    }>`select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_schema = current_schema()`.execute(database.db);
    for (const r of rows.rows)
      add(r.table_name, r.column_name, {
        kind: kindOfSqlType(r.data_type),
        nullable: r.is_nullable === 'YES',
        hasDefault: r.column_default !== null,
      });
    return tables;
  }
  const names = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  for (const { name: table } of names.rows) {
    const columns = await sql<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>`select name, type, "notnull", dflt_value, pk from pragma_table_info(${table})`.execute(database.db);
    for (const c of columns.rows)
      add(table, c.name, {
        kind: kindOfSqlType(c.type),
        // SQLite lets a non-integer primary key hold NULL unless told otherwise; the application never writes one.
        nullable: c.notnull === 0 && c.pk === 0,
        hasDefault: c.dflt_value !== null,
      });
  }
  return tables;
}

/** What schema.ts declares: the tables of `interface DB` and the columns of each, read with the type checker. */
function tablesOfSchemaFile(): Tables {
  const program = ts.createProgram([SCHEMA_FILE], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const dbNode = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB',
  );
  if (!dbNode) throw new Error('schema.ts has no `interface DB`');

  const kindOf = (type: ts.Type): Column['kind'] => {
    if (type.flags & ts.TypeFlags.StringLike) return 'string';
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    const name = type.getSymbol()?.getName();
    if (name === 'Buffer' || name === 'Uint8Array') return 'bytes';
    return `unknown: ${checker.typeToString(type)}`;
  };
  const parts = (type: ts.Type) => (type.isUnion() ? type.types : [type]);

  const tables: Tables = new Map();
  for (const table of checker.getTypeAtLocation(dbNode).getProperties()) {
    const columns = new Map<string, Column>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, dbNode).getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, dbNode);
      let hasDefault = false;
      // Generated<T> is Kysely's ColumnType<T, T | undefined, T>: optional on insert because the database fills it.
      const select = type.getProperty('__select__');
      const insert = type.getProperty('__insert__');
      if (select && insert) {
        hasDefault = parts(checker.getTypeOfSymbolAtLocation(insert, dbNode)).some(
          (p) => p.flags & ts.TypeFlags.Undefined,
        );
        type = checker.getTypeOfSymbolAtLocation(select, dbNode);
      }
      const values = parts(type).filter((p) => !(p.flags & ts.TypeFlags.Null));
      const kinds = [...new Set(values.map(kindOf))];
      columns.set(column.getName(), {
        kind: kinds.length === 1 ? kinds[0]! : `unknown: ${checker.typeToString(type)}`,
        nullable: parts(type).some((p) => p.flags & ts.TypeFlags.Null),
        hasDefault,
      });
    }
    tables.set(table.getName(), columns);
  }
  return tables;
}

/** How schema.ts should write a column the database has, so that a mismatch says what to type. */
function typeFor(c: Column): string {
  const base = c.kind === 'bytes' ? 'Buffer' : c.kind;
  const value = c.nullable ? `${base} | null` : base;
  return c.hasDefault ? `Generated<${value}>` : value;
}

function differences(database: Tables, declared: Tables): string[] {
  const out: string[] = [];
  for (const [table, columns] of database) {
    const typed = declared.get(table);
    if (!typed) {
      out.push(`table ${table} is missing from schema.ts (interface + one line in DB):`);
      for (const [name, c] of columns) out.push(`    ${name}: ${typeFor(c)};`);
      continue;
    }
    for (const [name, c] of columns) {
      const t = typed.get(name);
      if (!t) out.push(`${table}.${name} is missing from schema.ts: ${name}: ${typeFor(c)};`);
      else if (t.kind !== c.kind || t.nullable !== c.nullable || t.hasDefault !== c.hasDefault)
        out.push(`${table}.${name}: schema.ts says ${typeFor(t)}, the database has ${typeFor(c)}`);
    }
    for (const name of typed.keys())
      if (!columns.has(name)) out.push(`${table}.${name} is in schema.ts but not in the database`);
  }
  for (const table of declared.keys())
    if (!database.has(table)) out.push(`table ${table} is in schema.ts but not in the database`);
  return out;
}

let database: TestDatabase;
let declared: Tables;
beforeAll(async () => {
  database = await createTestDatabase();
  declared = tablesOfSchemaFile();
});
afterAll(() => database.drop());

describe('db/schema.ts', () => {
  it(`matches the migrated ${testEngine} database table by table, column by column`, async () => {
    const found = differences(await tablesOfDatabase(database), declared);
    expect(found, `db/schema.ts and the migrations disagree:\n  ${found.join('\n  ')}\n`).toEqual([]);
  });

  it('notices a column a migration adds without a line in schema.ts', async () => {
    await sql`alter table campaigns add column probe_note text`.execute(database.db);
    expect(differences(await tablesOfDatabase(database), declared)).toEqual([
      'campaigns.probe_note is missing from schema.ts: probe_note: string | null;',
    ]);
  });
});
