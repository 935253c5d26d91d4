import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { cleanEnv, ROOT } from './build.ts';

/** A running `astro dev`: its address, and everything it printed so far. */
export interface DevServer {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, as the server printed it. */
  base: string;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `astro dev` on a port the system picks (`--port 0`) and resolves with the
 * address once the server prints it: no port is chosen, released and raced for.
 */
export function startDev(env: Record<string, string>): Promise<DevServer> {
  const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const stop = async () => {
    // Astro allows one dev server per project: the next suite's starts only once this one is gone.
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'));
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const base = /Local\s+(http:\/\/[^\s/]+)/.exec(stripVTControlCharacters(log))?.[1];
      if (base) resolve({ child, base, log: () => log, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
  });
}
