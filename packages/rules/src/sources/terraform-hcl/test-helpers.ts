import type { SourceFile } from '../../model';
import type { TfResourceInput } from '../terraform/types';
import { evaluateTerraformModule, type TerraformModuleOptions } from './index';

/** Evaluates one `main.tf` (plus optional extra files) and returns the inputs by address. */
export async function evalTf(main: string, extra: SourceFile[] = [], options?: TerraformModuleOptions) {
  const result = await evaluateTerraformModule([{ path: 'main.tf', content: main }, ...extra], options);
  const byAddress = new Map<string, TfResourceInput>(result.inputs.map((i) => [i.address, i]));
  const values = (address: string) => {
    const input = byAddress.get(address);
    if (!input) throw new Error(`no input ${address}; have ${[...byAddress.keys()].join(', ')}`);
    return input.values;
  };
  return { ...result, byAddress, values };
}

/** `locals { x = <expr> }` plus a resource exposing it, evaluated: the value of `<expr>`. */
export async function evalExpr(expr: string, prelude = ''): Promise<unknown> {
  const r = await evalTf(`${prelude}\nresource "test_thing" "t" {\n  v = ${expr}\n}\n`);
  if (r.errors.length > 0) throw new Error(r.errors.map(String).join('\n'));
  return r.values('test_thing.t').v;
}
