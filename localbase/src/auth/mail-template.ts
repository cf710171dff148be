/**
 * The part of Go's html/template that Supabase's e-mail templates use: `{{ .Field }}` and dotted paths
 * (`{{ .Data.name }}`), `{{ if … }} … {{ else if … }} … {{ else }} … {{ end }}` with a path, `not`, `eq`/`ne`
 * against a string or number literal, and `{{-`/`-}}` trimming. Values are HTML-escaped, as html/template does.
 * Anything else is a TemplateError naming the action, never a silently wrong mail.
 */
export class TemplateError extends Error {}

type Node = { kind: 'text'; text: string } | { kind: 'value'; path: string[] } | { kind: 'if'; branches: { cond: string[] | null; body: Node[] }[] };
type Data = Record<string, unknown>;

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function tokenize(source: string): ({ text: string } | { action: string })[] {
  const tokens: ({ text: string } | { action: string })[] = [];
  let last = 0;
  for (const match of source.matchAll(ACTION)) {
    let text = source.slice(last, match.index);
    if (match[1] === '-') text = text.replace(/\s+$/, '');
    const previous = tokens[tokens.length - 1];
    if (previous && 'trimNext' in previous) text = text.replace(/^\s+/, '');
    tokens.push({ text });
    tokens.push(Object.assign({ action: match[2]! }, match[3] === '-' ? { trimNext: true } : {}));
    last = match.index + match[0].length;
  }
  let tail = source.slice(last);
  const previous = tokens[tokens.length - 1];
  if (previous && 'trimNext' in previous) tail = tail.replace(/^\s+/, '');
  tokens.push({ text: tail });
  return tokens;
}

function words(action: string): string[] {
  return [...action.matchAll(/"(?:[^"\\]|\\.)*"|\S+/g)].map((m) => m[0]);
}

function parse(source: string): Node[] {
  const tokens = tokenize(source);
  let i = 0;
  function block(stopAt: Set<string>): { nodes: Node[]; stop?: string[] } {
    const nodes: Node[] = [];
    while (i < tokens.length) {
      const token = tokens[i++]!;
      if ('text' in token) {
        if (token.text) nodes.push({ kind: 'text', text: token.text });
        continue;
      }
      const parts = words(token.action);
      if (parts[0] === '/*' || token.action.startsWith('/*')) continue;
      if (stopAt.has(parts[0]!)) return { nodes, stop: parts };
      if (parts[0] === 'if') {
        const branches: { cond: string[] | null; body: Node[] }[] = [];
        let cond: string[] | null = parts.slice(1);
        for (;;) {
          const inner = block(new Set(['else', 'end']));
          branches.push({ cond, body: inner.nodes });
          if (!inner.stop) throw new TemplateError('missing {{ end }}');
          if (inner.stop[0] === 'end') break;
          cond = inner.stop[1] === 'if' ? inner.stop.slice(2) : null;
        }
        nodes.push({ kind: 'if', branches });
      } else if (parts.length === 1 && parts[0]!.startsWith('.')) nodes.push({ kind: 'value', path: pathOf(parts[0]!) });
      else throw new TemplateError(`unsupported action {{ ${token.action} }}`);
    }
    return { nodes };
  }
  const result = block(new Set(['else', 'end']));
  if (result.stop) throw new TemplateError(`unexpected {{ ${result.stop.join(' ')} }}`);
  return result.nodes;
}

function pathOf(word: string): string[] {
  return word === '.' ? [] : word.slice(1).split('.');
}

function lookup(data: Data, path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Data)[key] : undefined;
  return value;
}

function operand(data: Data, word: string): unknown {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word.startsWith('.')) return lookup(data, pathOf(word));
  throw new TemplateError(`unsupported operand ${word}`);
}

/** Go's truthiness: false, 0, "", nil and empty maps/slices are false. */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function test(data: Data, cond: string[]): boolean {
  const [head, ...rest] = cond;
  if (head === 'not' && rest.length === 1) return !truthy(operand(data, rest[0]!));
  if ((head === 'eq' || head === 'ne') && rest.length === 2) {
    const same = String(operand(data, rest[0]!) ?? '') === String(operand(data, rest[1]!) ?? '');
    return head === 'eq' ? same : !same;
  }
  if (cond.length === 1) return truthy(operand(data, head!));
  throw new TemplateError(`unsupported condition ${cond.join(' ')}`);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);

/** Go prints a map as `map[k:v]`; templates normally print its fields instead. */
function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value)) {
    return `map[${Object.keys(value).sort().map((k) => `${k}:${display((value as Data)[k])}`).join(' ')}]`;
  }
  return String(value);
}

function run(nodes: Node[], data: Data, escape: boolean): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') out += escape ? escapeHtml(display(lookup(data, node.path))) : display(lookup(data, node.path));
    else {
      const branch = node.branches.find((b) => b.cond === null || test(data, b.cond));
      if (branch) out += run(branch.body, data, escape);
    }
  }
  return out;
}

/** Renders an HTML body (escaped values) or, with `escape: false`, a subject line. */
export function renderTemplate(source: string, data: Data, options: { escape: boolean } = { escape: true }): string {
  return run(parse(source), data, options.escape);
}
