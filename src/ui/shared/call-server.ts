/**
 * `google.script.run` as a typed promise: the sidebars' only way to the server. Each server entry
 * point is listed once in ServerApi with what the page sends; its answer is the server function's
 * own return type. A wrong name or a wrong payload fails `tsc`.
 */
import type * as calculator from "../calculateur-explor/server";
import type * as infoEuro from "../calculateur-explor/server-infoeuro";
import type * as candidatures from "../candidatures/server";
import type { PlanDraft } from "../plan-financement/plan-input";
import type * as plan from "../plan-financement/server";

type Servers = typeof calculator & typeof infoEuro & typeof candidatures & typeof plan;

/** The arguments the page sends to each server entry point. */
export interface ServerApi {
  serverTauxInfoEuro: [devise: string, mois: string];
  serverInsererDecompte: [request: calculator.CalculatorRequest];
  serverRemplirFeuilleMission: [request: calculator.CalculatorRequest];
  serverCandidaturesAppels: [];
  serverCandidaturesTableau: [request: candidatures.CallRequest];
  serverCandidatureSuivante: [request: candidatures.NextRequest];
  serverCandidatureEnregistrer: [request: candidatures.SaveRequest];
  serverChargesPlanFinancement: [];
  serverEcrirePlanFinancement: [payload: PlanDraft];
}

/** A server entry point's name: listed in ServerApi and exported by a sidebar server. */
export type ServerName = keyof ServerApi & keyof Servers;

/** What the server entry point answers. */
export type ServerResult<K extends ServerName> = Servers[K] extends (...args: never[]) => infer R ? R : never;

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function callServer<K extends ServerName>(name: K, ...args: ServerApi[K]): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(error));
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`Fonction serveur inconnue : ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
