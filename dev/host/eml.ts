/**
 * A recorded message as an .eml file (RFC 5322, MIME): UTF-8 throughout, the French subject
 * and sender's name as RFC 2047 encoded words, the body base64-encoded, CRLF line ends.
 */
import type { SentMessage } from "./mail";

const CRLF = "\r\n";

/** RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character. */
export function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes("=?")) return text;
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    const next = chunk + ch;
    // 12 characters of =?UTF-8?B??= around base64 of ⌈bytes / 3⌉ × 4 characters.
    if (12 + Math.ceil(Buffer.byteLength(next, "utf8") / 3) * 4 > 75) {
      words.push(chunk);
      chunk = ch;
    } else chunk = next;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join(`${CRLF} `);
}

/** `Mon, 01 Dec 2026 08:15:00 +0000` */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

export interface EmlOptions {
  readonly from: string;
  readonly fromName: string;
  readonly date: Date;
  readonly messageId: string;
}

export function toEml(message: SentMessage, options: EmlOptions): string {
  const body = Buffer.from(message.body.replace(/\r?\n/g, CRLF), "utf8")
    .toString("base64")
    .replace(/.{1,76}/g, (line) => `${line}${CRLF}`);
  const headers = [
    `From: ${encodedWords(message.name ?? options.fromName)} <${options.from}>`,
    `To: <${message.to}>`,
    `Subject: ${encodedWords(message.subject)}`,
    `Date: ${rfc5322Date(options.date)}`,
    `Message-ID: <${options.messageId}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}`;
}
