// Child process for the SIGKILL test: saves new versions of a few reports in a tight loop, acknowledging each
// completed save on stdout ("saved <id> <version>"), until the parent kills it. With `--create DIR` it instead
// saves new diagnoses as new reports (`diagnose --save`), acknowledging "created <id>".
import { createReportStore } from '../../../src/main/store/report-store';
import { saveDiagnosisAsReport } from '../../../src/main/store/save-diagnosis';
import { diagnosis, JOB } from '../../unit/store/fixtures';

const [dir, ...ids] = process.argv.slice(2);
/** Padding per save, in characters: makes each write span several filesystem calls. */
const PADDING_CHARS = 16 * 1024;
/** Padding notes per save (a note holds at most 20,000 characters). */
const PADDING_NOTES = 4;
/** Safety stop if the parent never kills us, in saves. */
const MAX_SAVES = 100_000;

async function createLoop(target: string): Promise<void> {
  const store = await createReportStore(target);
  process.stdout.write('ready\n');
  for (let i = 0; i < MAX_SAVES; i++) {
    const r = await saveDiagnosisAsReport(store, diagnosis(), { ...JOB, site: `site ${i}` }, []);
    process.stdout.write(`created ${r.id}\n`);
  }
}

async function main(): Promise<void> {
  if (dir === '--create') return createLoop(ids[0] ?? '');
  if (!dir || ids.length === 0) throw new Error('usage: child DIR ID...');
  const store = await createReportStore(dir);
  const reports = await Promise.all(ids.map((id) => store.open(id)));
  process.stdout.write('ready\n');
  for (let i = 0; i < MAX_SAVES; i++) {
    const k = i % reports.length;
    const r = reports[k];
    if (!r) continue;
    const version = Number(r.notes[0]?.text ?? '0') + 1;
    const next = {
      ...r,
      notes: [
        { at: r.createdAt, text: String(version) },
        ...Array.from({ length: PADDING_NOTES }, () => ({
          at: r.createdAt,
          text: 'x'.repeat(PADDING_CHARS),
        })),
      ],
    };
    reports[k] = await store.save(next);
    process.stdout.write(`saved ${r.id} ${version}\n`);
  }
}
main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
