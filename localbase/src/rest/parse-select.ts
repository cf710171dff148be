import type { EmbedItem, Field, JsonStep, SelectItem } from './ast.ts';
import { MAX_SELECT_ENTRIES, parseError, RestError, TOO_MANY_ENTRIES } from './errors.ts';

/**
 * `select=` grammar (`[pgrst] ApiRequest/QueryParams.hs pFieldForest`): `*`, `col`, `alias:col`, `col::type`,
 * `json->a->>b`, `rel(...)`, `alias:rel!hint!inner(...)`, `...rel(...)`. A cursor over the string, so a bad character
 * is reported with its position as PGRST100 instead of reaching SQL.
 */
export class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly what: string,
  ) {}

  peek(n = 0): string {
    return this.text[this.pos + n] ?? '';
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expecting "${s}"`);
  }

  done(): boolean {
    return this.pos >= this.text.length;
  }

  fail(expecting: string): never {
    const found = this.done() ? 'end of input' : `"${this.peek()}"`;
    this.refuse(`unexpected ${found} ${expecting}`);
  }

  /** PGRST100 at the current position with `details` verbatim. */
  refuse(details: string): never {
    throw parseError(`"failed to parse ${this.what} (${this.text})" (line 1, column ${this.pos + 1})`, details);
  }
}

const IDENT = /[\p{L}\p{N}_$ ]/u;

/** An identifier: `"quoted"` or letters, digits, `_`, `$`, space, and `-` when not the start of `->`. */
export function parseName(cur: Cursor): string {
  if (cur.eat('"')) {
    const end = cur.text.indexOf('"', cur.pos);
    if (end < 0) cur.fail('expecting closing quote');
    const name = cur.text.slice(cur.pos, end);
    cur.pos = end + 1;
    return name;
  }
  const start = cur.pos;
  while (!cur.done() && (IDENT.test(cur.peek()) || (cur.peek() === '-' && cur.peek(1) !== '>'))) cur.pos++;
  if (cur.pos === start) cur.fail('expecting field name');
  return cur.text.slice(start, cur.pos).trim();
}

export function parseJsonPath(cur: Cursor): JsonStep[] {
  const steps: JsonStep[] = [];
  for (;;) {
    const arrow = cur.eat('->>') ? '->>' : cur.eat('->') ? '->' : undefined;
    if (!arrow) return steps;
    // An array index may be negative: `->-1`.
    const negative = cur.peek() === '-' && /\d/.test(cur.peek(1)) && cur.eat('-');
    steps.push({ arrow, key: (negative ? '-' : '') + parseName(cur) });
  }
}

export function parseField(cur: Cursor): Field {
  return { name: parseName(cur), json: parseJsonPath(cur) };
}

/** The output key of a column: its alias, else the last JSON key that is not an array index, else the column name. */
export function fieldLabel(field: Field): string {
  return [...field.json].reverse().find((step) => !/^-?\d+$/.test(step.key))?.key ?? field.name;
}

export function parseSelect(text: string): SelectItem[] {
  const cur = new Cursor(text, 'select parameter');
  if (text === '') return [];
  const items = parseItems(cur);
  if (!cur.done()) cur.fail('expecting "," or end of input');
  return items;
}

/**
 * How deep `select=` embeds and `and=`/`or=` trees may nest. Upstream's parser has no limit, but these parsers and
 * the SQL builders after them recurse per level, so an absurd depth would overflow the stack and answer 500; real
 * queries stay a few levels deep, and a bounded PGRST100 is the answer a client can act on.
 */
export const MAX_NESTING = 64;

function parseItems(cur: Cursor, depth = 0): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    if (items.length === MAX_SELECT_ENTRIES) cur.refuse(TOO_MANY_ENTRIES);
    items.push(parseItem(cur, depth));
  } while (cur.eat(','));
  return items;
}

function parseItem(cur: Cursor, depth: number): SelectItem {
  if (cur.eat('*')) return { kind: 'star' };
  const spread = cur.eat('...');
  let alias: string | undefined;
  let name = parseName(cur);
  if (cur.peek() === ':' && cur.peek(1) !== ':') {
    cur.pos++;
    alias = name;
    name = parseName(cur);
  }
  if (cur.peek() === '!' || cur.peek() === '(') return parseEmbed(cur, name, alias, spread, depth + 1);
  if (spread) cur.fail('expecting "(" after a spread relation');
  const json = parseJsonPath(cur);
  let cast: string | undefined;
  if (cur.eat('::')) {
    const start = cur.pos;
    while (/[A-Za-z0-9_]/.test(cur.peek())) cur.pos++;
    if (cur.pos === start) cur.fail('expecting a type name');
    cast = cur.text.slice(start, cur.pos);
  }
  if (cur.peek() === '.' && /^\.(count|sum|avg|max|min)\(\)/.test(cur.text.slice(cur.pos))) {
    // db-aggregates-enabled is false in the CLI's PostgREST, so aggregates are refused as upstream does.
    throw new RestError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
  }
  return { kind: 'column', field: { name, json }, ...(alias !== undefined ? { alias } : {}), ...(cast ? { cast } : {}) };
}

function parseEmbed(cur: Cursor, name: string, alias: string | undefined, spread: boolean, depth: number): EmbedItem {
  const embed: EmbedItem = { kind: 'embed', name, spread, select: [] };
  if (alias !== undefined) embed.alias = alias;
  while (cur.eat('!')) {
    const part = parseName(cur);
    if (part === 'inner' || part === 'left') embed.joinType = part;
    else if (embed.hint === undefined) embed.hint = part;
    else cur.fail('expecting "(" after a hint');
  }
  cur.expect('(');
  if (depth > MAX_NESTING) cur.refuse(`embedded resources cannot be nested more than ${MAX_NESTING} levels deep`);
  embed.select = cur.peek() === ')' ? [] : parseItems(cur, depth);
  cur.expect(')');
  return embed;
}
