// Device models from the profile files over IPC, plus the technician's own imported profile files.
import { parseProfileFile } from '../../../shared/profiles';
import { ClientError, client, errorText } from '../api/client';
import type { CatalogSlice, Slice } from './types';

export const createCatalogSlice: Slice<CatalogSlice> = (set, get) => ({
  catalog: { files: [], problems: [], loading: false, error: null, importErrors: [], importedLabel: null },
  loadCatalog: async () => {
    set((s) => ({ catalog: { ...s.catalog, loading: true, error: null } }));
    try {
      const listing = await client.profilesList();
      set((s) => ({
        catalog: { ...s.catalog, files: listing.files, problems: listing.problems, loading: false },
      }));
    } catch (err) {
      set((s) => ({ catalog: { ...s.catalog, loading: false, error: errorText(err) } }));
    }
  },
  importProfile: async (fileName, text) => {
    set((s) => ({ catalog: { ...s.catalog, importErrors: [], importedLabel: null } }));
    // Validate here first: the technician sees every field-named error without a round trip.
    const preview = parseProfileFile(text);
    if (!preview.ok) {
      set((s) => ({ catalog: { ...s.catalog, importErrors: preview.errors } }));
      return;
    }
    try {
      const { file } = await client.profilesImport(fileName, text);
      await get().loadCatalog();
      const label = `${file.profile.vendor} — ${file.profile.models.map((m) => m.family).join(', ')}`;
      set((s) => ({ catalog: { ...s.catalog, importedLabel: label } }));
    } catch (err) {
      const issues =
        err instanceof ClientError && err.issues.length > 0
          ? [...err.issues]
          : [{ path: '(file)', message: errorText(err) }];
      set((s) => ({ catalog: { ...s.catalog, importErrors: issues } }));
    }
  },
});
