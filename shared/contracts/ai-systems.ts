import { z } from 'zod';
import { aiRoles } from '../domain/ai-roles';
import { dataCategories, lifecycleStages } from '../domain/risks';
import { annexIiiPoints, euAiActRiskClasses, euAiActRoles } from '../domain/eu-ai-act';
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
  /** EU AI Act scoping; empty roles and a null class mean "not worked out yet". */
  euAiActRoles: z
    .array(z.enum(euAiActRoles))
    .max(euAiActRoles.length)
    .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice')
    .default([]),
  euAiActRiskClass: z.enum(euAiActRiskClasses).nullable().default(null),
  euAiActAnnexIiiPoint: z
    .union(annexIiiPoints.map((n) => z.literal(n)))
    .nullable()
    .default(null),
};

/** An Annex III point belongs only to a high-risk system. */
function annexPointOnlyWhenHighRisk(
  value: { euAiActRiskClass: string | null; euAiActAnnexIiiPoint: number | null },
  ctx: z.RefinementCtx,
): void {
  if (value.euAiActAnnexIiiPoint !== null && value.euAiActRiskClass !== 'high-risk') {
    ctx.addIssue({
      code: 'custom',
      path: ['euAiActAnnexIiiPoint'],
      message: 'an Annex III point is given only for a high-risk system',
    });
  }
}

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
  euAiActRoles: z.array(z.enum(euAiActRoles)),
  euAiActRiskClass: z.enum(euAiActRiskClasses).nullable(),
  euAiActAnnexIiiPoint: z.union(annexIiiPoints.map((n) => z.literal(n))).nullable(),
  riskCount: z.number().int(),
  impactAssessmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AiSystem = z.infer<typeof aiSystemSchema>;
export const aiSystemInputSchema = z
  .strictObject(aiSystemFields)
  .superRefine(annexPointOnlyWhenHighRisk);
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
    input: z
      .strictObject({ engagementId: idSchema, ...aiSystemFields })
      .superRefine(annexPointOnlyWhenHighRisk),
    output: aiSystemSchema,
    mutates: true,
  }),
  'aiSystems.update': defineCommand({
    name: 'aiSystems.update',
    summary: 'Change an AI system; every field is replaced.',
    input: z
      .strictObject({ id: idSchema, ...aiSystemFields })
      .superRefine(annexPointOnlyWhenHighRisk),
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
