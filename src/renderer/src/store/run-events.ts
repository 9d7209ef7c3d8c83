// Pure reducer: step events → run state. Bounded: a hostile server cannot grow the transcript without limit.
import type { Check, StepEvent } from '../../../shared/model';
import { skipReasonOf, type ReadSkipReason } from '../../../shared/skip-reasons';
import type { RunState } from './types';

/** Most transcript rows the UI keeps for one run (rows beyond are counted, not stored). */
export const MAX_TRANSCRIPT_ROWS = 5000;

export function idleRun(): RunState {
  return {
    phase: 'idle',
    runId: null,
    cancelling: false,
    checks: [],
    transcript: [],
    droppedRows: 0,
    diagnosis: null,
    error: null,
  };
}

export function applyEvents(run: RunState, events: readonly StepEvent[]): RunState {
  let checks = run.checks;
  const rows = [];
  let diagnosis = run.diagnosis;
  for (const event of events) {
    switch (event.type) {
      case 'check-started':
        checks = upsert(checks, { id: event.id, title: event.title, state: 'running' });
        break;
      case 'check-finished':
        checks = upsert(checks, {
          id: event.check.id,
          title: event.check.title,
          state: event.check.status,
          durationMs: event.check.durationMs,
          codes: event.check.findings.map((f) => f.code),
          ...skipOf(event.check),
        });
        break;
      case 'transcript':
        rows.push(event.row);
        break;
      case 'done':
        diagnosis = event.diagnosis;
        break;
    }
  }
  const room = Math.max(0, MAX_TRANSCRIPT_ROWS - run.transcript.length);
  const kept = rows.slice(0, room);
  const next: RunState = {
    ...run,
    checks,
    transcript: kept.length > 0 ? [...run.transcript, ...kept] : run.transcript,
    droppedRows: run.droppedRows + (rows.length - kept.length),
    diagnosis,
  };
  if (diagnosis && diagnosis !== run.diagnosis) {
    // The final diagnosis is authoritative: its checks replace the live list, its transcript fills gaps.
    next.phase = 'done';
    next.cancelling = false;
    next.checks = diagnosis.checks.map((c) => ({
      id: c.id,
      title: c.title,
      state: c.status,
      durationMs: c.durationMs,
      codes: c.findings.map((f) => f.code),
      ...skipOf(c),
    }));
    if (next.transcript.length === 0) next.transcript = diagnosis.transcript.slice(0, MAX_TRANSCRIPT_ROWS);
  }
  return next;
}

/** The check's skip reason, only on a skipped check that has one. */
export function skipOf(c: Check): { skip?: ReadSkipReason } {
  const skip = skipReasonOf(c);
  return skip ? { skip } : {};
}

function upsert(list: RunState['checks'], item: RunState['checks'][number]): RunState['checks'] {
  const i = list.findIndex((c) => c.id === item.id);
  if (i < 0) return [...list, item];
  const copy = list.slice();
  copy[i] = item;
  return copy;
}
