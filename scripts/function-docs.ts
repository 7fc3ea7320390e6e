/**
 * docs/FONCTIONS.md's list of custom functions, rendered from the registry so that it cannot drift:
 * `npm run docs` rewrites it, a test checks it is current.
 */
import type { CustomFunctionSpec } from "../src/functions/registry";

export const START = "<!-- fonctions:début (généré par npm run docs) -->";
export const END = "<!-- fonctions:fin -->";

function signature(spec: CustomFunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${spec.name}(${params.join("; ")})`;
}

export function renderFunctionDocs(functions: readonly CustomFunctionSpec[]): string {
  const sections = functions.map((spec) =>
    [
      `### \`${signature(spec)}\``,
      "",
      spec.summary,
      "",
      ...spec.params.map((p) => `- \`${p.name}\`${p.optional ? " (facultatif)" : ""} : ${p.description}`),
      `- Résultat : ${spec.returns}`,
      "",
      ...spec.examples.map((e) => `    ${e}`),
      "",
      ...(spec.errors?.length ? ["Erreurs :", "", ...spec.errors.map((e) => `- \`${e}\``), ""] : []),
    ].join("\n"),
  );
  return [START, "", ...sections, END].join("\n");
}

/** Replaces the generated part of docs/FONCTIONS.md. */
export function withFunctionDocs(readme: string, functions: readonly CustomFunctionSpec[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/FONCTIONS.md: markers ${START} … ${END} not found`);
  return readme.slice(0, start) + renderFunctionDocs(functions) + readme.slice(end + END.length);
}
