import { z } from 'zod';
import {
  effectiveEvidenceStatuses,
  evidenceClassifications,
  evidenceStatuses,
} from '../rules/evidence-status';
import { dateSchema, idSchema, requiredText, textField } from './common';
import { defineCommand } from './define';

/** Requirement ids are `<frameworkId>:<ref>`, e.g. `iso-iec-42001-2023:A.7.5`. */
export const requirementIdSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[a-z0-9][a-z0-9.-]*:[A-Za-z0-9.]+$/, 'must be a requirement id like framework:A.7.5');

/** Ids the renderer picks for a running import so it can follow and cancel it. */
export const taskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

export const previewKinds = ['image', 'pdf', 'text', 'none'] as const;
export type PreviewKind = (typeof previewKinds)[number];

export const evidenceItemSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  sha256: sha256Schema,
  title: z.string(),
  description: z.string(),
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  providedBy: z.string(),
  collectedOn: z.string().nullable(),
  owner: z.string(),
  validUntil: z.string().nullable(),
  /** When someone should look at it again (a policy's review date); past it, it is stale. */
  reviewDue: z.string().nullable(),
  classification: z.enum(evidenceClassifications),
  status: z.enum(evidenceStatuses),
  effectiveStatus: z.enum(effectiveEvidenceStatuses),
  previewKind: z.enum(previewKinds),
  linkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const linkKinds = ['requirement', 'finding', 'risk'] as const;
export type LinkKind = (typeof linkKinds)[number];

export const evidenceLinkSchema = z.object({
  id: idSchema,
  kind: z.enum(linkKinds),
  targetId: z.string(),
  /** A short reference: the requirement ref (A.7.5), finding ref (F-001) or risk ref. */
  label: z.string(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const evidenceDetailSchema = evidenceItemSchema.extend({
  links: z.array(evidenceLinkSchema),
});
export type EvidenceDetail = z.infer<typeof evidenceDetailSchema>;

const metadataFields = {
  title: requiredText(300),
  description: textField(20_000).default(''),
  providedBy: textField(200).default(''),
  collectedOn: dateSchema.nullable().default(null),
  owner: textField(200).default(''),
  validUntil: dateSchema.nullable().default(null),
  reviewDue: dateSchema.nullable().default(null),
  classification: z.enum(evidenceClassifications),
  status: z.enum(evidenceStatuses),
};
export type EvidenceMetadataInput = z.input<z.ZodObject<typeof metadataFields>>;

/** A link target: exactly one of a requirement, a finding or a risk. */
const targetFields = {
  evidenceId: idSchema,
  requirementId: requirementIdSchema.optional(),
  findingId: idSchema.optional(),
  riskId: idSchema.optional(),
};
const oneTarget = (v: { requirementId?: string; findingId?: string; riskId?: string }) =>
  [v.requirementId, v.findingId, v.riskId].filter((x) => x !== undefined).length === 1;
const oneTargetMessage = {
  message: 'name exactly one of requirementId, findingId or riskId',
  path: ['requirementId'],
};
export const linkInputSchema = z.strictObject(targetFields).refine(oneTarget, oneTargetMessage);
export type LinkInput = z.input<typeof linkInputSchema>;

const scopeInput = z
  .strictObject({ assessmentId: idSchema.optional(), engagementId: idSchema.optional() })
  .refine((v) => (v.assessmentId === undefined) !== (v.engagementId === undefined), {
    message: 'name exactly one of assessmentId or engagementId',
    path: ['assessmentId'],
  });

export const integrityReportSchema = z.object({
  ok: z.boolean(),
  objects: z.number().int(),
  bytes: z.number().int(),
  items: z.number().int(),
  missing: z.array(z.object({ sha256: z.string(), items: z.array(z.string()) })),
  altered: z.array(
    z.object({ sha256: z.string(), actual: z.string(), items: z.array(z.string()) }),
  ),
  unreferenced: z.array(z.object({ name: z.string(), size: z.number().int() })),
  tempFiles: z.number().int(),
});
export type IntegrityReport = z.infer<typeof integrityReportSchema>;

export const previewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    mediaType: z.string(),
    text: z.string(),
    truncated: z.boolean(),
    size: z.number().int(),
  }),
  z.object({ kind: z.literal('image'), mediaType: z.string(), size: z.number().int() }),
  z.object({ kind: z.literal('pdf'), mediaType: z.string(), size: z.number().int() }),
  z.object({ kind: z.literal('none'), mediaType: z.string(), size: z.number().int() }),
]);
export type EvidencePreview = z.infer<typeof previewSchema>;

/** Largest slice evidence.readChunk returns at once (base64 grows it by a third). */
export const MAX_CHUNK = 4 * 1024 * 1024;

export const requestRowSchema = z.object({
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  expected: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      effectiveStatus: z.enum(effectiveEvidenceStatuses),
    }),
  ),
  /** requested: only requested items; received: at least one received or accepted item. */
  state: z.enum(['missing', 'requested', 'received']),
  /** Expected evidence still to ask for: all of it until something is received. */
  missing: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

export const requestListSchema = z.object({
  frameworkId: z.string(),
  scopeTitle: z.string(),
  rows: z.array(requestRowSchema),
  counts: z.object({ requirements: z.number(), received: z.number(), missing: z.number() }),
});
export type RequestList = z.infer<typeof requestListSchema>;

export const evidenceContracts = {
  'evidence.list': defineCommand({
    name: 'evidence.list',
    summary: 'Evidence items of an engagement, newest first, with optional filters.',
    input: z.strictObject({
      engagementId: idSchema,
      status: z.enum(effectiveEvidenceStatuses).optional(),
      requirementId: requirementIdSchema.optional(),
      findingId: idSchema.optional(),
      riskId: idSchema.optional(),
      classification: z.enum(evidenceClassifications).optional(),
      text: textField(200).optional(),
    }),
    output: z.array(evidenceItemSchema),
    mutates: false,
  }),
  'evidence.get': defineCommand({
    name: 'evidence.get',
    summary: 'One evidence item with where it is used.',
    input: z.strictObject({ id: idSchema }),
    output: evidenceDetailSchema,
    mutates: false,
  }),
  'evidence.forRequirement': defineCommand({
    name: 'evidence.forRequirement',
    summary: 'Evidence items of an engagement linked to one requirement.',
    input: z.strictObject({ engagementId: idSchema, requirementId: requirementIdSchema }),
    output: z.array(evidenceItemSchema),
    mutates: false,
  }),
  'evidence.update': defineCommand({
    name: 'evidence.update',
    summary: "Change an evidence item's metadata; every field is replaced.",
    input: z.strictObject({ id: idSchema, ...metadataFields }),
    output: evidenceDetailSchema,
    mutates: true,
  }),
  'evidence.link': defineCommand({
    name: 'evidence.link',
    summary: 'Link an evidence item to a requirement, a finding or a risk.',
    input: linkInputSchema,
    output: evidenceDetailSchema,
    mutates: true,
  }),
  'evidence.unlink': defineCommand({
    name: 'evidence.unlink',
    summary: 'Remove a link from an evidence item.',
    input: linkInputSchema,
    output: evidenceDetailSchema,
    mutates: true,
  }),
  'evidence.delete': defineCommand({
    name: 'evidence.delete',
    summary: 'Delete an evidence record; its stored file goes when no other record uses it.',
    input: z.strictObject({ id: idSchema }),
    output: z.object({ ok: z.literal(true), objectRemoved: z.boolean() }),
    mutates: true,
  }),
  'evidence.importFromDialog': defineCommand({
    name: 'evidence.importFromDialog',
    summary: "Ask for files with the system's dialog (desktop app only) and import them.",
    input: z.strictObject({
      engagementId: idSchema,
      requirementId: requirementIdSchema.optional(),
    }),
    output: z.object({ imported: z.array(evidenceItemSchema), cancelled: z.boolean() }),
    mutates: true,
  }),
  'evidence.cancelImport': defineCommand({
    name: 'evidence.cancelImport',
    summary: 'Stop a running import; nothing of it is kept.',
    input: z.strictObject({ taskId: taskIdSchema }),
    output: z.object({ ok: z.literal(true), cancelled: z.boolean() }),
    mutates: false,
  }),
  'evidence.check': defineCommand({
    name: 'evidence.check',
    summary: 'Re-hash every stored file: report missing, altered and unreferenced ones.',
    input: z.strictObject({}),
    output: integrityReportSchema,
    mutates: false,
  }),
  'evidence.preview': defineCommand({
    name: 'evidence.preview',
    summary: 'How to show an item: its text (capped), or that it is an image or PDF to read.',
    input: z.strictObject({ id: idSchema }),
    output: previewSchema,
    mutates: false,
  }),
  'evidence.readChunk': defineCommand({
    name: 'evidence.readChunk',
    summary: "A slice of an item's stored file, base64, for preview and export.",
    input: z.strictObject({
      id: idSchema,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(MAX_CHUNK),
    }),
    output: z.object({ base64: z.string(), offset: z.number().int(), size: z.number().int() }),
    mutates: false,
  }),
  'evidence.requestList': defineCommand({
    name: 'evidence.requestList',
    summary: 'Per assessable requirement: evidence to request, what was received, what is missing.',
    input: scopeInput,
    output: requestListSchema,
    mutates: false,
  }),
  'evidence.uploadBegin': defineCommand({
    name: 'evidence.uploadBegin',
    summary: 'Start sending a file as chunks (the desktop app’s way to import dropped files).',
    input: z.strictObject({
      engagementId: idSchema,
      fileName: z.string().min(1, 'is required').max(1000, 'is far too long'),
      size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      requirementId: requirementIdSchema.optional(),
      taskId: taskIdSchema.optional(),
    }),
    output: z.object({ uploadId: idSchema }),
    mutates: true,
  }),
  'evidence.uploadChunk': defineCommand({
    name: 'evidence.uploadChunk',
    summary: 'The next chunk of an upload, in order (at most 4 MiB).',
    input: z.strictObject({
      uploadId: idSchema,
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      base64: z
        .string()
        .max(Math.ceil((4 * 1024 * 1024) / 3) * 4, 'must be at most 4 MiB per chunk')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    }),
    output: z.object({ received: z.number().int() }),
    mutates: true,
  }),
  'evidence.uploadEnd': defineCommand({
    name: 'evidence.uploadEnd',
    summary: 'Finish an upload: the file is stored, hashed and recorded.',
    input: z.strictObject({ uploadId: idSchema }),
    output: evidenceItemSchema,
    mutates: true,
  }),
  'evidence.uploadAbort': defineCommand({
    name: 'evidence.uploadAbort',
    summary: 'Cancel an upload; nothing of it is kept.',
    input: z.strictObject({ uploadId: idSchema }),
    output: z.object({ ok: z.literal(true) }),
    mutates: true,
  }),
  'evidence.openExternal': defineCommand({
    name: 'evidence.openExternal',
    summary:
      'Desktop app: open a read-only copy with the system application (asks first for runnable types).',
    input: z.strictObject({ id: idSchema, confirmed: z.boolean().default(false) }),
    output: z.object({ opened: z.boolean(), needsConfirmation: z.boolean(), reason: z.string() }),
    mutates: false,
  }),
  'evidence.requestListCsv': defineCommand({
    name: 'evidence.requestListCsv',
    summary: 'The evidence request list as CSV text to send to the client.',
    input: scopeInput,
    output: z.object({ fileName: z.string(), csv: z.string() }),
    mutates: false,
  }),
};
