import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../../electron/core/demo';
import { createIdentity } from '../../electron/core/identities';
import { importFile } from '../../electron/core/evidence';
import { pinFingerprint } from '../../electron/core/trust';
import { startTestCore, tempDir } from './core';

export const PASSPHRASE = 'pack passphrase 1';

export type TestCore = Awaited<ReturnType<typeof startTestCore>>;

/** The small demo, a signing identity, and one confidential and one public evidence file. */
export async function packFixture() {
  const core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 7 });
  const assessmentId = demo.assessmentIds[0] ?? '';
  const engagementId = demo.engagementIds[0] ?? '';
  const identity = await createIdentity(core.ctx, {
    name: 'Pack Signer',
    organisation: 'Assay Test',
    email: 'pack@example.test',
    role: 'Lead assessor',
    passphrase: PASSPHRASE,
  });
  const files = tempDir('assay-pack-files-');
  const secret = path.join(files, 'board-minutes-secret.txt');
  fs.writeFileSync(secret, 'Confidential: board minutes about the AI programme.\n'.repeat(50));
  const item = await importFile(core.ctx, secret, { engagementId });
  core.store.sqlite
    .prepare("UPDATE evidence_items SET classification = 'confidential' WHERE id = ?")
    .run(item.id);
  const open = path.join(files, 'ai-policy.md');
  fs.writeFileSync(open, '# AI policy\n\nWe use AI responsibly.\n');
  const publicItem = await importFile(core.ctx, open, { engagementId });
  return { core, assessmentId, engagementId, identity, confidential: item, publicItem };
}

/** Hands a file to a core through incoming.* in 3 MiB chunks, as the renderer does. */
export async function sendIncoming(core: TestCore, file: string): Promise<string> {
  const d = core.dispatcher;
  const size = fs.statSync(file).size;
  const begun = await d.dispatch('incoming.begin', { fileName: path.basename(file), size });
  if (!begun.ok) throw new Error(begun.error.message);
  const { incomingId } = begun.value as { incomingId: string };
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(3 * 1024 * 1024);
    for (let offset = 0; offset < size; offset += buffer.length) {
      const n = fs.readSync(handle, buffer, 0, buffer.length, offset);
      const base64 = buffer.subarray(0, n).toString('base64');
      const sent = await d.dispatch('incoming.chunk', { incomingId, offset, base64 });
      if (!sent.ok) throw new Error(sent.error.message);
    }
  } finally {
    fs.closeSync(handle);
  }
  const ended = await d.dispatch('incoming.end', { incomingId });
  if (!ended.ok) throw new Error(ended.error.message);
  return (ended.value as { token: string }).token;
}

/** Trusts the fixture's signer in another data directory (imports refuse untrusted signers). */
export function trustSigner(core: TestCore, signer: { name: string; fingerprint: string }): void {
  pinFingerprint(core.ctx, { fingerprint: signer.fingerprint, name: signer.name });
}

/** Every path under `root` with its size (folders end in /): "nothing written" compares these. */
export function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      const rel = path.relative(root, full);
      if (d.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else if (/^assay\.db(-wal|-shm)?$/.test(rel)) out.push(rel);
      else out.push(`${rel} ${fs.lstatSync(full).size}`);
    }
  };
  walk(root);
  return out.sort();
}
