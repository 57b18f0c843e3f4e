import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { connect, setApi } from './api/client';
import { App, preloadScreen } from './App';
import { currentRoute } from './router/hash-route';
import { NotAuthorised } from './NotAuthorised';
import { cssVariablesResolver, theme } from './theme';

/** The CSP nonce the main side put in a meta tag for this page load; Mantine's <style> needs it. */
const nonce =
  document.querySelector<HTMLMetaElement>('meta[name="assay-style-nonce"]')?.content ?? '';
// Modals lock scrolling with a <style> tag of their own (react-remove-scroll): it needs the nonce too.
setNonce(nonce);

const api = connect();
if (api) {
  setApi(api);
  preloadScreen(currentRoute());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      getStyleNonce={() => nonce}
    >
      <ModalsProvider>
        <Notifications position="bottom-right" />
        {api ? <App /> : <NotAuthorised />}
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
