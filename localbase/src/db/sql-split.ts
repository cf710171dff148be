/** One statement of a SQL file, with the 1-based line it starts on (for error messages). */
export interface SqlStatement {
  sql: string;
  line: number;
}

const IDENT = /[A-Za-z0-9_]/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/**
 * Splits a SQL file on top-level semicolons the way the Supabase CLI's parser does: semicolons inside quotes,
 * dollar-quoted bodies, comments and `BEGIN ATOMIC … END` bodies do not end a statement. Comment-only pieces
 * are dropped.
 */
export function splitSql(text: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let atomicDepth = 0;
  let lastWords: string[] = [];
  let i = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (hasCode(piece)) {
      const lead = piece.length - piece.trimStart().length;
      statements.push({ sql: piece.trim(), line: lineAt(text, start + lead) });
    }
    start = end + 1;
  };
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '-' && next === '-') i = skipLineComment(text, i);
    else if (ch === '/' && next === '*') i = skipBlockComment(text, i);
    else if (ch === "'") i = skipQuoted(text, i, "'", isEscapeString(text, i));
    else if (ch === '"') i = skipQuoted(text, i, '"', false);
    else if (ch === '$' && DOLLAR_TAG.test(text.slice(i, i + 64)) && !IDENT.test(text[i - 1] ?? '')) {
      const tag = DOLLAR_TAG.exec(text.slice(i, i + 64))![0];
      const close = text.indexOf(tag, i + tag.length);
      i = close === -1 ? text.length : close + tag.length;
    } else if (/[A-Za-z_]/.test(ch) && !IDENT.test(text[i - 1] ?? '')) {
      let end = i;
      while (end < text.length && IDENT.test(text[end]!)) end++;
      const word = text.slice(i, end).toLowerCase();
      lastWords = [...lastWords.slice(-1), word];
      if (word === 'atomic' && lastWords[0] === 'begin') atomicDepth++;
      else if (atomicDepth > 0 && word === 'case') atomicDepth++;
      else if (atomicDepth > 0 && word === 'end') atomicDepth--;
      i = end;
    } else {
      if (ch === ';' && atomicDepth === 0) push(i);
      i++;
    }
  }
  push(text.length);
  return statements;
}

function skipLineComment(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end + 1;
}

function skipBlockComment(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

function skipQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  i++;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') i += 2;
    else if (ch === quote && text[i + 1] === quote) i += 2;
    else if (ch === quote) return i + 1;
    else i++;
  }
  return i;
}

function isEscapeString(text: string, quoteAt: number): boolean {
  return /[eE]/.test(text[quoteAt - 1] ?? '') && !IDENT.test(text[quoteAt - 2] ?? '');
}

function hasCode(piece: string): boolean {
  const stripped = piece.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return stripped.trim() !== '';
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
