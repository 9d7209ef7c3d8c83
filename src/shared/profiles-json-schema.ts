// JSON Schema of a profile file, derived from the zod schema (resources/printers/schema.json is this text).
import { z } from 'zod';
import { ProfileFileSchema } from './profiles';

export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProfileFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
    reused: 'ref',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://device-mail-doctor.invalid/schemas/printer-profile.json',
    title: 'Device Mail Doctor device profile file',
    description:
      'A vendor family of devices: models, firmware generations, capabilities with sources, menu paths and field labels (ja/en). ' +
      'Ids must be unique and every "sources" entry must name a source of the file (checked by the app, not by this schema).',
  };
}

/** The exact text of resources/printers/schema.json (stable key order, trailing newline). */
export function profileJsonSchemaText(): string {
  return `${JSON.stringify(profileJsonSchema(), null, 2)}\n`;
}
