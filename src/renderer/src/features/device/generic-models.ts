// The two generic entries the Device screen offers as buttons: "Other MFP" and "Business application".
import type { LoadedProfileFile } from '../../../../shared/profiles-resolve';

const GENERIC_ID = /(^|[-_.])(other|generic)([-_.]|$)/;

/** Generic MFP: an mfp whose id (or file id) says generic/other. Application: a generic one, else the first. */
export function genericModelIds(files: readonly LoadedProfileFile[]): {
  otherMfp: string | null;
  application: string | null;
} {
  let otherMfp: string | null = null;
  let anyApp: string | null = null;
  let genericApp: string | null = null;
  for (const f of files) {
    for (const m of f.profile.models) {
      const generic = GENERIC_ID.test(m.id) || GENERIC_ID.test(f.profile.id);
      if (m.kind === 'application') {
        anyApp ??= m.id;
        if (GENERIC_ID.test(m.id)) genericApp ??= m.id;
      } else if (generic) otherMfp ??= m.id;
    }
  }
  return { otherMfp, application: genericApp ?? anyApp };
}
