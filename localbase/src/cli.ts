import { loadConfig } from './config.ts';
import { dbReset } from './commands/db-reset.ts';
import { doctor } from './commands/doctor.ts';
import { start } from './commands/start.ts';
import { status, type OutputFormat } from './commands/status.ts';
import { stop } from './commands/stop.ts';
import { runDaemon } from './daemon.ts';
import { UserError } from './shared/errors.ts';

const USAGE = `localbase: a Docker-free local Supabase (PostgreSQL, Auth, REST, Realtime)

Usage: npx localbase <command> [flags]

Commands:
  start                     Start the local stack in the background (creates the database on first run)
  stop [--no-backup]        Stop the stack; --no-backup also deletes the local data
  status [-o env|json]      Show the stack's URLs and keys; exits 1 when it is not running
  db reset                  Recreate the database: base schema, supabase/migrations/*.sql, then supabase/seed.sql
  doctor [-o json] [--app-url <url>]
                            Check the stack layer by layer (infrastructure, network, auth, schema) and print the fix
                            for each failure; --app-url also checks that page's CSP allows the API's http and ws forms.
                            Exits 1 when a check failed (warnings alone exit 0)

Flags:
  --workdir <dir>           Project folder (default: the nearest folder above the current one with supabase/config.toml)
  -h, --help                Show this help

Environment:
  LOCALBASE_API_HOST=<ip>   start: the API gateway also listens on this LAN address (PostgreSQL stays on loopback).
                            The local keys are well known: anyone on that network can use the stack.
  LOCALBASE_REALTIME_MAX_*  start: Realtime's limits (channels per client, joins and events per second, payload size
                            in KB, concurrent users); defaults and errors in docs/limits.md.`;

interface Parsed {
  words: string[];
  output: OutputFormat;
  workdir?: string;
  appUrl?: string;
  noBackup: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { words: [], output: 'pretty', noBackup: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-o' || arg === '--output') {
      const value = argv[++i];
      if (value !== 'env' && value !== 'json' && value !== 'pretty') {
        throw new UserError(`Unknown output format ${JSON.stringify(value ?? '')}.`, 'Use `-o env`, `-o json` or `-o pretty`.');
      }
      parsed.output = value;
    } else if (arg === '--workdir') parsed.workdir = argv[++i];
    else if (arg === '--app-url') parsed.appUrl = argv[++i];
    else if (arg === '--no-backup') parsed.noBackup = true;
    else if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg.startsWith('-')) throw new UserError(`Unknown flag ${arg}.`, 'Run `npx localbase --help` for the flags.');
    else parsed.words.push(arg);
  }
  return parsed;
}

async function dispatch(args: Parsed): Promise<number> {
  const command = args.words.join(' ');
  if (args.help || command === '' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === '__daemon') {
    await runDaemon();
    return 0;
  }
  const known = ['start', 'stop', 'status', 'db reset', 'doctor'];
  if (!known.includes(command)) throw new UserError(`Unknown command "${command}".`, `Commands: ${known.join(', ')}. Run \`npx localbase --help\`.`);
  // doctor loads the config itself: an unreadable config.toml is its first finding, not an error before it runs.
  if (command === 'doctor') return doctor({ workdir: args.workdir ?? process.cwd(), output: args.output, appUrl: args.appUrl });
  const config = loadConfig(args.workdir ?? process.cwd());
  if (command === 'start') return start(config);
  if (command === 'stop') return stop(config, { noBackup: args.noBackup });
  if (command === 'status') return status(config, args.output);
  return dbReset(config);
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(parseArgs(argv));
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`Error: ${error.message}`);
      if (error.fix) console.error(`Try: ${error.fix}`);
      return 1;
    }
    console.error(error);
    return 1;
  }
}
