// Stripe's request bodies are form-encoded with bracketed keys (`items[0][price_data][unit_amount]=1500`,
// `metadata[deal_id]=…`). This turns them back into nested objects; numeric keys become arrays.
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, '%20'));

function keyPath(key: string): string[] {
  const head = key.split('[', 1)[0] ?? key;
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
  return [head, ...rest];
}

/** Objects whose keys are all 0..n-1 become arrays, recursively. */
function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = arraysFromIndices(value[key] as FormValue);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? keys.map((key) => converted[key] as FormValue) : converted;
}

export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const path = keyPath(decode(rawKey));
    let node = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = decode(rawValue);
        return;
      }
      const next = node[segment];
      if (typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
      node = node[segment] as FormObject;
    });
  }
  return arraysFromIndices(root) as FormObject;
}
