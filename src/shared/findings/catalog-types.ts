// Shape of one catalogue entry. Texts carry `{param}` placeholders filled by renderFinding().
import type { Actor, Lang, Severity, Stage } from '../model';

export interface FindingText {
  title: string;
  cause: string;
  fix: string;
}

export interface CatalogEntry {
  severity: Severity;
  stage: Stage;
  /** Who must act, primary first. */
  actors: Actor[];
  /** Whether the event shows in Exchange Online's Message Trace (rejections during AUTH, 5.7.68 ... do not). */
  inMessageTrace: boolean;
  /** The admin's PowerShell one-liner, where one exists. */
  powershell?: string;
  text: Record<Lang, FindingText>;
  /** Where the meaning comes from: URL and the date it was read (ISO date). */
  sources?: { url: string; read: string }[];
}
