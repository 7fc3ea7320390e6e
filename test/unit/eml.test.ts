import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { encodedWords, toEml } from "../../dev/host/eml";

const options = {
  from: "equipe@lianes-cooperation.invalid",
  fromName: "Lianes coopération",
  date: new Date("2025-07-01T08:00:00Z"),
  messageId: "1@lianes-cooperation.invalid",
};

describe("the .eml files of the local host (RFC 5322, UTF-8, RFC 2047 subjects)", () => {
  it("folds a long French subject into encoded words of at most 75 characters, never cutting a character", () => {
    const subject = `${"Réponse à votre candidature « Échanges Nord–Sud » ".repeat(4)}🌍 été`;
    const words = encodedWords(subject).split("\r\n ");
    expect(words.length).toBeGreaterThan(3);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(w).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    }
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), "base64").toString("utf8")).join("");
    expect(decoded).toBe(subject);
  });

  it("leaves a plain ASCII subject as it is", () => {
    expect(encodedWords("EXPLOR 2025 : reponse")).toBe("EXPLOR 2025 : reponse");
    expect(encodedWords("=?UTF-8?B?piège?=")).toMatch(/^=\?UTF-8\?B\?/);
  });

  it("parses back to the same message, line breaks and hostile text included", async () => {
    const message = {
      to: "claire.martin@artois-sahel.fr",
      subject: "EXPLOR 2025 : votre candidature est sur liste d'attente — n° 3",
      body: 'Bonjour Claire,\n\n<script>alert(1)</script> =HYPERLINK("x")\n- durée hors 7–15 jours\n\nL\'équipe',
      n: 1,
    };
    const parsed = await PostalMime.parse(toEml(message, options));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(message.body);
    expect(parsed.from?.name).toBe("Lianes coopération");
    expect(parsed.to?.[0]?.address).toBe(message.to);
    expect(parsed.messageId).toBe("<1@lianes-cooperation.invalid>");
  });
});
