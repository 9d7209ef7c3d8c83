// The engine's one door to the reply classifier (src/shared/findings once it lands; a thin local table until then).
export { classifyText } from './classify-local';
