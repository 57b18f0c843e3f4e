import { useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  ColorInput,
  FileButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { accentProblem, MAX_LOGO_BYTES } from '../../../../shared/contracts/branding';
import type { Branding } from '../../../../shared/contracts/branding';
import { uiHues } from '../../../../shared/ui/palette';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useBranding } from '../../stores/branding';

/** Darker shades of the app's hues: each reads on white, so each is a valid accent. */
const swatches = (
  ['blue', 'indigo', 'violet', 'grape', 'teal', 'green', 'red', 'gray'] as const
).map((hue) => uiHues[hue][8]);

function BrandingForm({ branding }: { branding: Branding }) {
  const { save } = useBranding();
  const [consultancyName, setName] = useState(branding.consultancyName);
  const [accent, setAccent] = useState(branding.accentColour ?? '');
  const [coverText, setCoverText] = useState(branding.coverText);
  const [disclaimer, setDisclaimer] = useState(branding.disclaimer);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wellFormed = /^#[0-9a-fA-F]{6}$/.test(accent);
  const accentError =
    accent === ''
      ? null
      : !wellFormed
        ? 'Write the colour as #rrggbb'
        : accentProblem(accent) && `This colour ${accentProblem(accent)}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (accentError) return;
    setBusy(true);
    setError(null);
    save({ consultancyName, accentColour: accent || null, coverText, disclaimer })
      .then(() => notifications.show({ message: 'Branding saved; the next report carries it.' }))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Consultancy name"
          description="On the cover and in every page footer"
          value={consultancyName}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <ColorInput
          label="Accent colour"
          description="Headings and table headers; it must read at 4.5:1 on white. Empty: Assay's blue."
          format="hex"
          withEyeDropper={false}
          swatches={swatches}
          value={accent}
          onChange={setAccent}
          error={accentError}
        />
        <Textarea
          label="Cover text"
          description="Printed on the cover under the assessment's facts"
          autosize
          minRows={2}
          maxLength={2000}
          value={coverText}
          onChange={(e) => setCoverText(e.currentTarget.value)}
        />
        <Textarea
          label="Disclaimer"
          description="Printed at the foot of the cover"
          autosize
          minRows={2}
          maxLength={4000}
          value={disclaimer}
          onChange={(e) => setDisclaimer(e.currentTarget.value)}
        />
        {error && <ErrorAlert message={error} />}
        <Group>
          <Button type="submit" loading={busy} disabled={accentError !== null}>
            Save branding
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LogoField({ branding }: { branding: Branding }) {
  const { setLogo, clearLogo } = useBranding();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setError(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    setLogo(file)
      .then(() => notifications.show({ message: 'Logo set.' }))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const logo = branding.logo;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Logo
      </Text>
      <Text size="xs" c="dimmed">
        PNG or SVG, at most {MAX_LOGO_BYTES / 1024} KB. An SVG with scripts, links or embedded files
        is refused; every logo is stored as a PNG redrawn from its pixels.
      </Text>
      {logo ? (
        <Image
          src={`data:image/png;base64,${logo.pngBase64}`}
          alt={`Logo of ${branding.consultancyName || 'the consultancy'} (${logo.width} × ${logo.height} pixels)`}
          maw={240}
          mah={90}
          fit="contain"
          w="auto"
        />
      ) : (
        <Text size="sm">No logo yet.</Text>
      )}
      <Group>
        <FileButton onChange={choose} accept="image/png,image/svg+xml,.png,.svg">
          {(props) => (
            <Button variant="default" loading={busy} {...props}>
              {logo ? 'Replace logo' : 'Choose logo'}
            </Button>
          )}
        </FileButton>
        {logo && (
          <Button
            variant="subtle"
            color="red"
            onClick={() => void clearLogo().catch((e: unknown) => setError(errorMessage(e)))}
          >
            Remove logo
          </Button>
        )}
      </Group>
      {error && <ErrorAlert message={error} />}
    </Stack>
  );
}

/** Settings → Report branding: what the PDF and Word reports carry of the consultancy. */
export function BrandingCard() {
  const { branding, status, error, load } = useBranding();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="branding-title">
      <Title order={4} mb="xs" id="branding-title">
        Report branding
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your consultancy&apos;s name, logo, colour, cover text and disclaimer, on every PDF and Word
        report.
      </Text>
      {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void load()} />}
      {branding && (
        <Stack gap="lg">
          <LogoField branding={branding} />
          <BrandingForm branding={branding} />
        </Stack>
      )}
    </Paper>
  );
}
