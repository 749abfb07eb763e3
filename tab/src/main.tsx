import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchView } from './App';
import { readParams } from './params';
import { connectTeams } from './teams/host';
import { themeOverride } from './theme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const override = themeOverride(window.location.search);
const params = readParams(window.location.search);
// Teams is asked at once, not after the first render; the first view's code comes meanwhile.
const host = connectTeams();
prefetchView(params.view);
createRoot(root).render(
  <StrictMode>
    <App connect={() => host} params={params} {...(override ? { themeOverride: override } : {})} />
  </StrictMode>,
);
