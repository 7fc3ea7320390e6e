/**
 * The letters of the npm start demonstration: prepared for the demo's applications (the five
 * inadmissible with their reasons, the retained, the waiting list, PAM's acknowledgements),
 * ticked, sent, and written as .eml files that a mail parser reads back exactly.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import PostalMime from "postal-mime";
import { afterAll, describe, expect, it } from "vitest";
import { runDemo, sentLetters } from "../../dev/demo";
import { DEMO_SENDER, writeSentLetters } from "../../dev/demo-letters";

const demo = runDemo();
const dir = mkdtempSync(join(tmpdir(), "courriels-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo's letters", () => {
  const letters = sentLetters(demo.host);

  it("go to the five inadmissible applications with their reasons, the retained and the waiting list", () => {
    expect(letters.filter((l) => l.callId === "EXPLOR-2025").map((l) => `${l.number} ${l.event}`)).toEqual([
      "1 retenue",
      "2 retenue",
      "3 attente",
      "4 irrecevable",
      "5 irrecevable",
      "6 irrecevable",
      "7 irrecevable",
      "8 irrecevable",
    ]);
    const reasons = Object.fromEntries(
      letters
        .filter((l) => l.event === "irrecevable" && l.callId === "EXPLOR-2025")
        .map((l) => [l.number, l.message.body.split("\n").filter((line) => line.startsWith("- "))]),
    );
    expect(reasons).toEqual({
      4: ["- candidature hors délai"],
      5: ["- siège hors Hauts-de-France"],
      6: ["- pays partenaire hors liste CAD"],
      7: ["- durée hors 7–15 jours"],
      8: ["- déjà financée par EXPLOR sans nouveau projet"],
    });
    // PAM-2025 acknowledges each registration (prepared by the trigger); the late one is inadmissible.
    expect(letters.filter((l) => l.callId === "PAM-2025").map((l) => `${l.number} ${l.event}`)).toEqual([
      "1 accuse",
      "2 accuse",
      "2 irrecevable",
    ]);
    const ack = letters.find((l) => l.callId === "PAM-2025")?.message;
    expect(ack?.subject).toBe("PAM 2025 : nous avons bien reçu votre inscription");
    expect(ack?.body).toContain("pour votre idée : « Un échange de jeunes avec une MJC de Cracovie. »");
    // Every row of Courriers went, and is stamped.
    expect(
      demo.host
        .values("Courriers")
        .slice(1)
        .every((r) => String(r[6]).startsWith("envoyé le ")),
    ).toBe(true);
  });

  it("are written as .eml files that parse back to the same sender, recipient, French subject and body", async () => {
    const paths = writeSentLetters(demo.host, dir, new Date("2025-07-01T08:00:00Z"));
    expect(paths.map((p) => `${basename(dirname(p))}/${basename(p)}`)).toContain("EXPLOR-2025/3-attente.eml");
    expect(paths).toHaveLength(letters.length);
    for (const [i, path] of paths.entries()) {
      const raw = readFileSync(path);
      const text = raw.toString("latin1");
      // RFC 5322: CRLF line ends, header lines ASCII only (the French is encoded, RFC 2047).
      const head = text.slice(0, text.indexOf("\r\n\r\n"));
      expect(head).toMatch(/^From: .*\r\nTo: /);
      expect([...head].every((c) => c === "\r" || c === "\n" || (c >= " " && c <= "~"))).toBe(true);
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const parsed = await PostalMime.parse(raw);
      const sent = letters[i]?.message;
      expect(parsed.from?.address).toBe(DEMO_SENDER);
      expect(parsed.from?.name).toBe("Lianes coopération");
      expect(parsed.to?.map((t) => t.address)).toEqual([sent?.to]);
      expect(parsed.subject).toBe(sent?.subject);
      expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(sent?.body);
      expect(parsed.date).toBe("2025-07-01T08:00:00.000Z");
    }
    const waiting = await PostalMime.parse(readFileSync(join(dir, "EXPLOR-2025", "3-attente.eml")));
    expect(waiting.subject).toBe("EXPLOR 2025 : votre candidature est sur liste d'attente");
    expect(waiting.text).toContain("Bonjour Claire Martin,");
  });
});
