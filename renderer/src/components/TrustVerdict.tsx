import { Alert, Code, List, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconFileUnknown,
} from '@tabler/icons-react';
import type { TrustAssessment } from '../../../shared/contracts/trust';

const TITLES: Record<TrustAssessment['verdict'], string> = {
  trusted: 'Intact, and signed by someone trusted here',
  untrusted: 'Intact, but the signer is not trusted here',
  altered: 'Altered or invalid — do not rely on it',
  unreadable: 'Cannot be read',
};

/**
 * The verdict on a signed PDF or pack, the same words as `assay verify`: trusted, intact but the
 * signer not trusted (with the fingerprint and how to trust them), altered, or unreadable.
 */
export function TrustVerdict({
  trust,
  problems,
  notes,
}: {
  trust: TrustAssessment;
  problems: string[];
  notes: string[];
}) {
  const { verdict } = trust;
  const colour = verdict === 'trusted' ? 'green' : verdict === 'untrusted' ? 'yellow' : 'red';
  const Icon =
    verdict === 'trusted'
      ? IconCircleCheck
      : verdict === 'untrusted'
        ? IconAlertTriangle
        : verdict === 'altered'
          ? IconCircleX
          : IconFileUnknown;
  const intact = verdict === 'trusted' || verdict === 'untrusted';
  return (
    <Alert
      color={colour}
      icon={<Icon size={18} />}
      title={TITLES[verdict]}
      role={intact ? 'status' : 'alert'}
    >
      <Stack gap="xs">
        <Text size="sm">{trust.reason}</Text>
        {!intact && problems.length > 0 && (
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        )}
        {verdict === 'untrusted' && trust.fingerprint && (
          <>
            <Text size="sm">
              Fingerprint: <Code style={{ wordBreak: 'break-all' }}>{trust.fingerprint}</Code>
            </Text>
            <Text size="sm">
              Compare it with the signer over another channel (in person, by phone). If it matches,
              trust them in Settings → Trusted signers → Pin a fingerprint, or add their certificate
              file there.
            </Text>
          </>
        )}
        {intact && notes.length > 0 && (
          <List size="xs">
            {notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
