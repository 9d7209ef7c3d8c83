// Check titles per language now come from the check registry (src/shared/check-registry.ts); this file stays so
// existing imports keep working.
export { checkTitle } from './check-registry';
