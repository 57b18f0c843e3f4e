import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../electron/core/start';
import { tempDir } from './core';

/** Writes files into a fresh temp folder and returns their paths by name. */
export function writeFiles(files: Record<string, string | Buffer>): Record<string, string> {
  const dir = tempDir('assay-evidence-src-');
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    out[name] = file;
  }
  return out;
}

/** Calls a command through the real dispatcher; throws on an error envelope. */
export async function call<T = unknown>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Calls a command that must fail; returns the error envelope's code and message. */
export async function fails(core: Core, name: string, input: unknown) {
  const result = await core.dispatcher.dispatch(name, input);
  if (result.ok) throw new Error(`${name} succeeded but should have failed`);
  return result.error;
}

/** Every file under <dataDir>/vault/<sub>, as relative paths. */
export function vaultFiles(dataDir: string, sub: 'objects' | 'tmp'): string[] {
  const root = path.join(dataDir, 'vault', sub);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((rel) => fs.lstatSync(path.join(root, rel)).isFile())
    .sort();
}
