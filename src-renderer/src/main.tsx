/** Renderer entry: connect to the desk, follow the route, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { openDesk } from './desk/client.ts';
import { startRouteSync } from './state/route-store.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/pages.css';
import './styles/calendar.css';
import './styles/session.css';
import './styles/queue.css';
import './styles/ticket.css';
import './styles/attention.css';
import './styles/forms.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Order matters: openDesk() takes the bridge token out of the URL fragment before the router claims the fragment for routes.
const access = openDesk();
startRouteSync();

createRoot(container).render(
  <StrictMode>
    <App access={access} />
  </StrictMode>,
);
