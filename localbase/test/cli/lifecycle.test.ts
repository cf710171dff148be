import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type TestProject } from '../helpers/project.ts';

const STATUS_NAMES = ['API_URL', 'DB_URL', 'ANON_KEY', 'SERVICE_ROLE_KEY', 'PUBLISHABLE_KEY', 'SECRET_KEY', 'JWT_SECRET'];

describe('localbase start / status / stop', () => {
  let project: TestProject;
  beforeAll(async () => {
    project = await createProject();
  });
  afterAll(() => project.dispose());

  it('status exits non-zero and says how to start when nothing runs', async () => {
    const result = await project.cli('status', '-o', 'env');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('localbase is not running');
    expect(result.stderr).toContain('npx localbase start');
  });

  it('a cold start prints one line per step with its time, then the status block', async () => {
    const result = await project.cli('start');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // A step's time is "(N ms)" or, past a second (a busy machine), "(N.NN s)": the format is asserted, not the speed.
    const took = String.raw`\((\d+ ms|\d+\.\d\d s)\)`;
    expect(result.stdout).toMatch(new RegExp(`^Initialised database cluster in .+ ${took}$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^Started PostgreSQL 17 on port ${project.dbPort} ${took}$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^Applied base schema .*${took}$`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^Started API gateway on port \\d+ \\(auth, rest, realtime\\) ${took}$`, 'm'));
    expect(result.stdout).toMatch(/^Started localbase in [\d.]+ m?s \(cold start: new database\)\.$/m);
    expect(result.stdout).toContain(`DB URL: postgresql://postgres:postgres@127.0.0.1:${project.dbPort}/postgres`);
  });

  it('a second start says it is already running and exits 0', async () => {
    const result = await project.cli('start');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('already running');
  });

  it('status -o env prints the names the Supabase CLI prints, and -o json the same values', async () => {
    const env = await project.cli('status', '-o', 'env');
    expect(env.code).toBe(0);
    const vars = Object.fromEntries(env.stdout.trim().split('\n').map((line) => {
      const [, name, value] = /^([A-Z_]+)="(.*)"$/.exec(line)!;
      return [name, value];
    }));
    for (const name of STATUS_NAMES) expect(vars[name], name).toBeTruthy();
    expect(vars.API_URL).toBe(`http://127.0.0.1:${project.apiPort}`);
    expect(vars.PUBLISHABLE_KEY).toMatch(/^sb_publishable_/);
    expect(vars.SECRET_KEY).toMatch(/^sb_secret_/);
    const json = await project.cli('status', '-o', 'json');
    expect(JSON.parse(json.stdout)).toEqual(vars);
  });

  it('stop shuts down cleanly and keeps the data; a warm start finds it again', async () => {
    await project.query('create table kept (note text)');
    await project.query("insert into kept values ('survives a restart')");
    const stopped = await project.cli('stop');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Stopped localbase');
    expect((await project.cli('status')).code).toBe(1);
    const warm = await project.cli('start');
    expect(warm.code).toBe(0);
    expect(warm.stdout).not.toContain('Initialised database cluster');
    expect(warm.stdout).toMatch(/\(warm start\)/);
    expect(await project.query('select note from kept')).toEqual([{ note: 'survives a restart' }]);
  });

  it('stop when nothing runs says so and exits 0', async () => {
    await project.cli('stop');
    const again = await project.cli('stop');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('not running');
  });
});
