import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const DOC_ID = 'pillarguard-openapi';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the OpenAPI document as parsed
const doc: any = parse(readFileSync(join(__dirname, '../../openapi.yaml'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });

/**
 * Checks a response against the package's OpenAPI document (openapi.yaml), so the document and
 * the routes cannot drift apart: the status must be declared for the operation and the body must
 * match its schema.
 */
export function expectConforms(method: 'get' | 'post', path: string, res: { status: number; body: unknown }): void {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`openapi.yaml has no ${method.toUpperCase()} ${path}`);
  let response = op.responses[String(res.status)];
  if (!response) throw new Error(`openapi.yaml declares no ${res.status} for ${method.toUpperCase()} ${path}`);
  if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
  const schema = JSON.parse(JSON.stringify(response.content['application/json'].schema).replaceAll('"#/components', `"${DOC_ID}#/components`));
  const validate = ajv.compile(schema);
  if (!validate(res.body)) throw new Error(`${method.toUpperCase()} ${path} ${res.status} does not match openapi.yaml: ${ajv.errorsText(validate.errors)}`);
}
