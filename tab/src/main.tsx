import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readParams } from './params';
import { connectTeams } from './teams/host';
import { themeOverride } from './theme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const override = themeOverride(window.location.search);
createRoot(root).render(
  <StrictMode>
    <App
      connect={connectTeams}
      params={readParams(window.location.search)}
      {...(override ? { themeOverride: override } : {})}
    />
  </StrictMode>,
);
