import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { connect, setApi } from './api/client';
import { App } from './App';
import { NotAuthorised } from './NotAuthorised';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
});

/** The CSP nonce the main side put in a meta tag for this page load; Mantine's <style> needs it. */
const nonce =
  document.querySelector<HTMLMetaElement>('meta[name="assay-style-nonce"]')?.content ?? '';
// Modals lock scrolling with a <style> tag of their own (react-remove-scroll): it needs the nonce too.
setNonce(nonce);

const api = connect();
if (api) setApi(api);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={() => nonce}>
      <ModalsProvider>
        <Notifications position="bottom-right" />
        {api ? <App /> : <NotAuthorised />}
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
