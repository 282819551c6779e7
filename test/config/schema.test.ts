// The configuration schema is itself valid JSON Schema (draft-07). The CLI and the server compile
// it without checking it against the meta-schema (it is ours, and checking costs start-up time),
// so this is where a broken schema would be caught.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const schemaFile = path.resolve(__dirname, '../../schemas/referat.config.schema.json');

describe('configuration schema', () => {
  it('is valid against the JSON Schema draft-07 meta-schema, and accepts the example configurations', () => {
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    const validate = ajv.compile(schema);
    for (const example of ['examples/referat.config.json', 'test/fixtures/membership/referat.config.json']) {
      const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', example), 'utf8'));
      expect(validate(config), `${example}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('fails a schema that is not JSON Schema (the check can fail)', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema({ type: 'no-such-type' })).toBe(false);
  });
});
