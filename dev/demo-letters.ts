/** What `npm start` writes of the letters it sent: one .eml per message, by call, N° and event. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sentLetters } from "./demo";
import type { Host } from "./host";
import { toEml } from "./host/eml";

export const DEMO_SENDER = "equipe@lianes-cooperation.invalid";

/** Writes `<dir>/<appel>/<n°>-<événement>.eml` for every message sent; returns the paths. */
export function writeSentLetters(host: Host, dir: string, date: Date): string[] {
  return sentLetters(host).map((letter) => {
    const folder = join(dir, letter.callId);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${letter.number}-${letter.event}.eml`);
    writeFileSync(
      path,
      toEml(letter.message, {
        from: DEMO_SENDER,
        fromName: "Lianes coopération",
        date,
        messageId: `${letter.callId}-${letter.number}-${letter.event}@lianes-cooperation.invalid`,
      }),
    );
    return path;
  });
}
