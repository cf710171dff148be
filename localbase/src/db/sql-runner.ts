import type pg from 'pg';
import { UserError } from '../shared/errors.ts';
import { lineAt, splitSql, type SqlStatement } from './sql-split.ts';

interface PgError extends Error {
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/**
 * Runs a SQL file one statement at a time inside the caller's transaction, so an error names the file, the
 * line it happened on and PostgreSQL's own message.
 */
export async function runSqlText(client: pg.ClientBase, text: string, label: string, fix: string): Promise<SqlStatement[]> {
  const statements = splitSql(text);
  for (const statement of statements) {
    try {
      await client.query(statement.sql);
    } catch (error) {
      throw sqlError(error as PgError, statement, text, label, fix);
    }
  }
  return statements;
}

function sqlError(error: PgError, statement: SqlStatement, text: string, label: string, fix: string): UserError {
  const position = Number(error.position);
  const line = Number.isInteger(position) && position > 0 ? statement.line + lineAt(statement.sql, position - 1) - 1 : statement.line;
  const sourceLine = text.split('\n')[line - 1]?.trim();
  const details = [
    error.code ? `${error.message} (SQLSTATE ${error.code})` : error.message,
    error.detail ? `DETAIL: ${error.detail}` : '',
    error.hint ? `HINT: ${error.hint}` : '',
    sourceLine ? `  ${line} | ${sourceLine}` : '',
  ].filter(Boolean);
  return new UserError(`${label}:${line}: ${details.join('\n')}`, fix);
}
