import { describe, expect, it } from 'vitest';
import { splitSql } from '../../src/db/sql-split.ts';

describe('splitSql', () => {
  it('splits on top-level semicolons and records the line each statement starts on', () => {
    const parts = splitSql('create table a (id int);\n\n-- note\ninsert into a values (1);\nselect 1');
    expect(parts).toEqual([
      { sql: 'create table a (id int)', line: 1 },
      { sql: '-- note\ninsert into a values (1)', line: 3 },
      { sql: 'select 1', line: 5 },
    ]);
  });

  it('keeps semicolons inside quotes, identifiers, comments and dollar-quoted bodies', () => {
    const sql = [
      "insert into t values ('a;b', E'c\\';d', \"x;y\");",
      '/* one; /* nested; */ still; */ select 2;',
      'create function f() returns int language plpgsql as $body$ begin return 1; end; $body$;',
      'do $$ begin perform 1; end $$;',
    ].join('\n');
    expect(splitSql(sql).map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(splitSql(sql)[2]!.sql).toContain('return 1; end;');
  });

  it('keeps a SQL-standard BEGIN ATOMIC body, CASE included, in one statement', () => {
    const sql = 'create function g(x int) returns int begin atomic select case when x > 0 then 1 else 0 end; select 2; end;\nselect 3;';
    const parts = splitSql(sql);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toEqual({ sql: 'select 3', line: 2 });
  });

  it('does not mistake positional parameters for dollar quotes and drops comment-only pieces', () => {
    expect(splitSql('prepare p as select $1; -- trailing\n;  ;').map((s) => s.sql)).toEqual(['prepare p as select $1']);
  });
});
