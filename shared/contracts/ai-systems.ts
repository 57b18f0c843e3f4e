import { z } from 'zod';
import { aiRoles } from '../domain/ai-roles';
import { dataCategories, lifecycleStages } from '../domain/risks';
import { idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const aiSystemFields = {
  name: requiredText(200),
  purpose: textField(5_000).default(''),
  intendedUse: textField(5_000).default(''),
  orgRole: z.enum(aiRoles),
  lifecycleStage: z.enum(lifecycleStages),
  modelType: textField(200).default(''),
  dataCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  deploymentContext: textField(5_000).default(''),
  affectedParties: z.array(requiredText(200)).max(50).default([]),
  owner: textField(200).default(''),
  thirdParties: z.array(requiredText(200)).max(50).default([]),
};

export const aiSystemSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  name: z.string(),
  purpose: z.string(),
  intendedUse: z.string(),
  orgRole: z.enum(aiRoles),
  lifecycleStage: z.enum(lifecycleStages),
  modelType: z.string(),
  dataCategories: z.array(z.enum(dataCategories)),
  deploymentContext: z.string(),
  affectedParties: z.array(z.string()),
  owner: z.string(),
  thirdParties: z.array(z.string()),
  riskCount: z.number().int(),
  impactAssessmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AiSystem = z.infer<typeof aiSystemSchema>;
export const aiSystemInputSchema = z.strictObject(aiSystemFields);
export type AiSystemInput = z.input<typeof aiSystemInputSchema>;

export const aiSystemContracts = {
  'aiSystems.list': defineCommand({
    name: 'aiSystems.list',
    summary: 'The AI systems of an engagement, by name.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(aiSystemSchema),
    mutates: false,
  }),
  'aiSystems.create': defineCommand({
    name: 'aiSystems.create',
    summary: 'Add an AI system to the inventory of an engagement.',
    input: z.strictObject({ engagementId: idSchema, ...aiSystemFields }),
    output: aiSystemSchema,
    mutates: true,
  }),
  'aiSystems.update': defineCommand({
    name: 'aiSystems.update',
    summary: 'Change an AI system; every field is replaced.',
    input: z.strictObject({ id: idSchema, ...aiSystemFields }),
    output: aiSystemSchema,
    mutates: true,
  }),
  'aiSystems.delete': defineCommand({
    name: 'aiSystems.delete',
    summary: 'Delete an AI system, its impact assessments and its links to risks.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
