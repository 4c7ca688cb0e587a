import 'antd/dist/antd.css';
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
