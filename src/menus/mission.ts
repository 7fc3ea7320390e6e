/** `Lianes › Nouvelle mission EXPLOR`: adds a ready-to-fill mission sheet and opens it. */
import { insertMissionSheet } from "../addon/mission-sheet";

export function menuNouvelleMissionExplor(): void {
  insertMissionSheet();
}
