import { Badge } from '@mantine/core';
import type { EuAiActScoping } from '../../../../shared/domain/eu-ai-act';
import { euAiActRoleLabels } from '../../../../shared/domain/eu-ai-act';

const short: Record<NonNullable<EuAiActScoping['riskClass']>, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High-risk',
  'limited-transparency': 'Transparency',
  minimal: 'Minimal',
  'general-purpose-model': 'GPAI model',
  'general-purpose-model-systemic': 'GPAI model, systemic',
};
const color: Record<NonNullable<EuAiActScoping['riskClass']>, string> = {
  prohibited: 'red',
  'high-risk': 'orange',
  'limited-transparency': 'blue',
  minimal: 'gray',
  'general-purpose-model': 'grape',
  'general-purpose-model-systemic': 'grape',
};

/** "High-risk · III.5 · Provider, Deployer", or "Not classified" while the scoping is open. */
export function RiskClassBadge({ scoping }: { scoping: EuAiActScoping }) {
  if (scoping.riskClass === null)
    return (
      <Badge variant="outline" color="gray" tt="none">
        Not classified
      </Badge>
    );
  const point =
    scoping.riskClass === 'high-risk'
      ? scoping.annexIiiPoint === null
        ? ' · Annex I'
        : ` · Annex III.${scoping.annexIiiPoint}`
      : '';
  const roles = scoping.roles.map((r) => euAiActRoleLabels[r]).join(', ');
  return (
    <Badge
      variant="light"
      color={color[scoping.riskClass]}
      tt="none"
      title={roles ? `Roles: ${roles}` : 'No role set'}
    >
      {short[scoping.riskClass]}
      {point}
    </Badge>
  );
}
