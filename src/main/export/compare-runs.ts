// Moved to src/shared/compare-runs.ts (pure, used by the renderer too); kept so main's imports stay valid.
export * from '../../shared/compare-runs';
