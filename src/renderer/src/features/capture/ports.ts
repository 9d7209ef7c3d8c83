// The capture form's port list: "2525, 587" → [2525, 587]; 0 means any free port (the listener says which).

/** Most listeners one capture opens (the contract's bound, including the implicit-TLS one). */
export const MAX_CAPTURE_PORTS = 3;

export type PortsResult = { ok: true; ports: number[] } | { ok: false; value: string };

export function parsePorts(text: string): PortsResult {
  const parts = text.split(/[\s,、]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_CAPTURE_PORTS) return { ok: false, value: text.trim() };
  const ports: number[] = [];
  for (const p of parts) {
    const n = /^\d{1,5}$/.test(p) ? Number(p) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 65535) return { ok: false, value: p };
    // A repeated fixed port would fail to bind twice; repeated 0s are distinct free ports.
    if (n !== 0 && ports.includes(n)) continue;
    ports.push(n);
  }
  return { ok: true, ports };
}
