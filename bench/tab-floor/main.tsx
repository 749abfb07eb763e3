import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';

// The tab benchmark's floor: what any Teams tab built on React, Fluent UI v9 and teams-js ships and
// does before its first meaningful render (app.initialize, raced as the tab races it outside
// Teams, then a FluentProvider around a static tree the size of the demo team's alignment view).
const TREE = 'Alignment: company objectives, team objectives and key results';
const OBJECTIVES = 8;
const KEY_RESULTS = 3;

function connect(): Promise<unknown> {
  return Promise.race([
    app.initialize().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ]);
}

function Floor() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void connect().then(() => setReady(true));
  }, []);
  return (
    <FluentProvider theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      {ready && (
        <ul aria-label={TREE}>
          {Array.from({ length: OBJECTIVES }, (_, o) => (
            <li key={o}>
              <h3>Objective {o + 1}</h3>
              <ul>
                {Array.from({ length: KEY_RESULTS }, (_, k) => (
                  <li key={k}>
                    Key result {k + 1}: 40 of 100 <progress max={100} value={40} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
);
