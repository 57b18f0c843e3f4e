/** The roles an organisation can play towards AI systems (after ISO/IEC 22989's vocabulary). */
export const aiRoles = [
  'provider',
  'producer',
  'customer',
  'partner',
  'subject',
  'authority',
] as const;
export type AiRole = (typeof aiRoles)[number];

export const aiRoleLabels: Record<AiRole, string> = {
  provider: 'AI provider',
  producer: 'AI producer or developer',
  customer: 'AI customer or user',
  partner: 'AI partner (supplier, integrator, data provider)',
  subject: 'AI subject',
  authority: 'Relevant authority',
};
