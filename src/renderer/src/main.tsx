import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Device Mail Doctor</h1>
      <p>デバイス メール ドクター</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
