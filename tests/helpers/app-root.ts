import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, tempDir } from './core';
import { migrationsUpTo } from './db';

function journalTags(): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'migrations', 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** An app root (catalogs and migrations) whose migrations stop at `lastTag`. */
function appRootUpTo(lastTag: string): string {
  const root = tempDir('assay-app-root-');
  fs.cpSync(path.join(projectRoot, 'resources'), path.join(root, 'resources'), { recursive: true });
  fs.cpSync(migrationsUpTo(lastTag), path.join(root, 'migrations'), { recursive: true });
  return root;
}

/** An app root whose migrations stop just before `tag`: a data directory written by the previous release. */
export function appRootBefore(tag: string): string {
  const tags = journalTags();
  const previous = tags[tags.indexOf(tag) - 1];
  if (tags.indexOf(tag) < 1 || !previous) throw new Error(`no migration before ${tag}`);
  return appRootUpTo(previous);
}

/** An app root whose migrations stop at `tag`, so an upgrade test applies exactly that one. */
export function appRootThrough(tag: string): string {
  return appRootUpTo(tag);
}

/** The tag of the shipped migration whose name ends with `name` (numbers change on rebase). */
export function migrationTag(name: string): string {
  const hit = journalTags().find((tag) => tag.replace(/^\d+_/, '') === name);
  if (!hit) throw new Error(`no migration named ${name}`);
  return hit;
}
