// The engine's one door to the shared reply classifier (src/shared/findings).
export { classifyText } from '../../shared/findings/classify';
