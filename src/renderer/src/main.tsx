// Renderer entry: zod without eval (CSP), i18n (synchronous, bundled resources), then the store boots from window.api.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { appStore } from './store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void appStore.getState().boot();
