import { FTS_OPS, RANGE_OPS, SIMPLE_OPS, type Condition, type Field, type FilterNode, type Logic, type Operation, type OrderTerm } from './ast.ts';
import { parseError } from './errors.ts';
import { Cursor, MAX_NESTING, parseField } from './parse-select.ts';

/**
 * Filter, logic-tree and order grammar (`[pgrst] ApiRequest/QueryParams.hs pOpExpr, pLogicTree, pOrder`).
 * Values stay strings: they become $n parameters and PostgreSQL casts them to the column's type.
 */

const IS_VALUES = ['null', 'not_null', 'true', 'false', 'unknown'] as const;

function fail(what: string, text: string, details: string): never {
  throw parseError(`"failed to parse ${what} (${text})" (line 1, column 1)`, details);
}

/** `[not.]op.value`, `op(any|all).{a,b}`, `fts(config).value`, `in.(a,"b,c")`, `is.null`. */
export function parseOperation(text: string, quotedValues = false): { negate: boolean; operation: Operation } {
  const negate = text.startsWith('not.');
  const rest = negate ? text.slice(4) : text;
  const match = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest);
  if (!match) fail('filter', text, 'unexpected end of input expecting operator (eq, gt, ...)');
  const [, op, modifier, raw] = match as unknown as [string, string, string | undefined, string];
  const value = quotedValues ? unquote(raw) : raw;
  if (op === 'in') {
    if (modifier !== undefined) fail('filter', text, 'unexpected "(" expecting "."');
    return { negate, operation: { op: 'in', values: parseList(raw, '(', ')', text) } };
  }
  if (op === 'is') {
    const v = raw.toLowerCase();
    if (!(IS_VALUES as readonly string[]).includes(v)) fail('filter', text, 'unexpected value expecting null, not_null, true, false or unknown');
    return { negate, operation: { op: 'is', value: v as (typeof IS_VALUES)[number] } };
  }
  if ((FTS_OPS as readonly string[]).includes(op)) {
    const operation = { op: op as (typeof FTS_OPS)[number], value } as Operation & { config?: string };
    if (modifier !== undefined) operation.config = modifier;
    return { negate, operation };
  }
  if ((RANGE_OPS as readonly string[]).includes(op)) {
    if (modifier !== undefined) fail('filter', text, 'unexpected "(" expecting "."');
    // `ov.(a,b)` is accepted as an array literal, as upstream's pListVal.
    const v = op === 'ov' && /^\(.*\)$/.test(raw) ? `{${raw.slice(1, -1)}}` : value;
    return { negate, operation: { op: op as (typeof RANGE_OPS)[number], value: v } };
  }
  if ((SIMPLE_OPS as readonly string[]).includes(op)) {
    if (modifier === undefined) return { negate, operation: { op: op as (typeof SIMPLE_OPS)[number], value } };
    if (modifier !== 'any' && modifier !== 'all') fail('filter', text, `unexpected "${modifier}" expecting "any" or "all"`);
    return { negate, operation: { op: op as (typeof SIMPLE_OPS)[number], quantifier: modifier, values: parseList(raw, '{', '}', text) } };
  }
  fail('filter', text, `unknown operator "${op}"`);
}

/** `(a,"b,c",d)` or `{a,b}`: double quotes protect `,()`, backslash escapes inside quotes. */
export function parseList(text: string, open: string, close: string, whole: string): string[] {
  if (!text.startsWith(open) || !text.endsWith(close)) fail('filter', whole, `expecting "${open}" ... "${close}"`);
  const inner = text.slice(1, -1);
  if (inner === '') return [];
  return splitTopLevel(inner, whole).map(unquote);
}

/** Removes one pair of double quotes and its backslash escapes; unquoted values are kept verbatim. */
export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  return value;
}

/** Splits at commas outside parentheses, braces (`cs.{a,b}`) and double-quoted values. */
export function splitTopLevel(text: string, whole: string): string[] {
  const parts: string[] = [];
  let parens = 0;
  let braces = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"' && (i === start || text[i - 1] === '.')) quoted = true; // upstream pQuotedValue: only a whole value is quoted
    else if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (c === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    else if (c === ',' && parens === 0 && braces === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (parens < 0) fail('logic tree', whole, 'unexpected ")"');
  }
  if (parens !== 0 || quoted) fail('logic tree', whole, 'unexpected end of input expecting ")"');
  parts.push(text.slice(start));
  return parts;
}

/** `or=(a.eq.1,and(b.gt.2,not.or(c.is.null,d.in.(1,2))))` (the key decided `or`/`and` and `not.`). */
export function parseLogic(op: 'and' | 'or', negate: boolean, text: string, depth = 1): Logic {
  if (!text.startsWith('(') || !text.endsWith(')')) fail('logic tree', text, 'unexpected input expecting "("');
  // Upstream's parser has no limit; this recursive one would overflow the stack (a 500) long before the URL limit.
  if (depth > MAX_NESTING) fail('logic tree', text, `logic trees cannot be nested more than ${MAX_NESTING} levels deep`);
  const inner = text.slice(1, -1);
  if (inner === '') fail('logic tree', text, 'unexpected ")" expecting a filter');
  return { kind: 'logic', op, negate, children: splitTopLevel(inner, text).map((item) => parseLogicItem(item, text, depth)) };
}

function parseLogicItem(item: string, whole: string, depth: number): FilterNode {
  const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
  if (nested) return parseLogic(nested[2] as 'and' | 'or', Boolean(nested[1]), nested[3]!, depth + 1);
  const cur = new Cursor(item, 'logic tree');
  let field: Field;
  try {
    field = parseField(cur);
  } catch {
    fail('logic tree', whole, 'unexpected input expecting a field name');
  }
  if (!cur.eat('.')) fail('logic tree', whole, 'unexpected input expecting "."');
  const { negate, operation } = parseOperation(item.slice(cur.pos), true);
  return { kind: 'condition', field, negate, operation } satisfies Condition;
}

/** `order=a.desc.nullslast,b->c.asc,rel(col).desc` (`[pgrst] QueryParams.hs pOrder`, with its related-order term). */
export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text, text).map((term) => {
    const cur = new Cursor(term, 'order');
    const field = parseField(cur);
    const result: OrderTerm = { field };
    if (!field.json.length && cur.eat('(')) {
      result.relation = field.name;
      result.field = parseField(cur);
      cur.expect(')');
    }
    while (cur.eat('.')) {
      const word = /^[a-z]+/.exec(term.slice(cur.pos))?.[0] ?? '';
      cur.pos += word.length;
      if (word === 'asc' || word === 'desc') result.direction = word;
      else if (word === 'nullsfirst') result.nulls = 'first';
      else if (word === 'nullslast') result.nulls = 'last';
      else cur.fail('expecting "asc", "desc", "nullsfirst" or "nullslast"');
    }
    if (!cur.done()) cur.fail('expecting "." or ","');
    return result;
  });
}

export function parseNonNegative(text: string, what: 'limit' | 'offset'): number {
  if (!/^\d+$/.test(text)) throw parseError(`"failed to parse ${what} parameter (${text})" (line 1, column 1)`, 'unexpected input expecting digit');
  return Number(text);
}
