/** Every global the platform or the UI calls, besides the custom functions. */
import { type EntryPointSpec, entryPoint } from "../functions/registry";
import { onOpen } from "./menu";
import { menuNouvelleMissionExplor } from "./mission-sheet";

export const entryPoints: readonly EntryPointSpec[] = [
  entryPoint({
    name: "onOpen",
    summary: "Ajoute le menu Lianes à l'ouverture du classeur (sans autorisation : AuthMode.NONE).",
    params: ["e"],
    run: onOpen,
  }),
  entryPoint({
    name: "onInstall",
    summary: "Ajoute le menu Lianes quand le module complémentaire vient d'être installé.",
    params: ["e"],
    run: onOpen,
  }),
  entryPoint({
    name: "menuNouvelleMissionExplor",
    summary: "Lianes › Nouvelle mission EXPLOR : ajoute une feuille de mission prête à remplir.",
    params: [],
    run: menuNouvelleMissionExplor,
  }),
];
