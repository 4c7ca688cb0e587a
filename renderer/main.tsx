// antd's stylesheet is linked by the build (scripts/antd-styles.mjs): its first screen's rules
// in index.html, the whole of it once the first frame is painted (ui/whole-styles.ts).
import './ui/base.css';
import './ui/touch.css';
import './ui/typography.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createConsoleClients } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Before the first render, so the event stream connects and the landing board is asked meanwhile.
const clients = createConsoleClients();
createRoot(root).render(
  <StrictMode>
    <App {...clients} />
  </StrictMode>,
);
