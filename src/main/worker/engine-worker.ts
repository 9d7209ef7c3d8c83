// Entry of the engine worker process (Electron utilityProcess or Node child_process.fork): runs one diagnosis
// for the app over ./protocol, so a hostile server can never freeze or crash the window.
import { runDiagnosis } from '../engine/run';
import { childPort, serveEngine } from './protocol';

serveEngine(childPort(), runDiagnosis);
