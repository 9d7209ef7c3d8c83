// Copies one exact value (a server name, an SPF record) and says so; falls back when the Clipboard API is denied.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long "Copied" stays visible, in milliseconds. */
const COPIED_FEEDBACK_MS = 1500;

/** Writes text to the clipboard (navigator.clipboard, else the hidden-textarea copy); false when both fail. */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older runtimes / denied permission: the classic hidden-textarea copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const copy = async () => {
    const ok = await writeClipboard(value);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), COPIED_FEEDBACK_MS);
  };
  return (
    <button
      type="button"
      className="btn btn-small btn-copy"
      onClick={() => void copy()}
      aria-label={`${t('common.copy')}: ${label ?? value}`}
      data-copy-value={value}
    >
      {state === 'copied'
        ? t('common.copied')
        : state === 'failed'
          ? t('common.copyFailed')
          : t('common.copy')}
    </button>
  );
}
