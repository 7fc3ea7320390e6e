/**
 * Reading one answer of a submission the way its question defines it. Answers come from a
 * form event (text), the responses sheet (numbers, Dates) or tests (typed values); the same
 * answer gives the same typed value whichever way it came.
 */

import { isBlankAnswer } from "../blank";
import type { QuestionDefinition } from "./call-schema";
import { choicesOf } from "./calls";
import { findCountry } from "./countries";
import { normalizeName } from "./normalize";
import { asDate, formatParisDate, parisIsoDate, parseDateTime } from "./paris-time";

/** A typed answer: text, number, yes/no, a date as `2025-07-10`, or the boxes checked. */
export type AnswerValue = string | number | boolean | readonly string[];

/** A submission's answers, by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export type AnswerReading = { readonly value: AnswerValue | undefined } | { readonly error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function findChoice(choices: readonly string[], value: string): string | undefined {
  const wanted = normalizeName(value);
  return choices.find((c) => normalizeName(c) === wanted);
}

/**
 * The boxes checked, from a list or from the text Forms writes in the sheet (`a, b`): split
 * at ", " only between known choices, since a choice may hold a comma itself.
 */
function checkedBoxes(choices: readonly string[], value: unknown): string[] | string {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const v of value) {
      const choice = typeof v === "string" ? findChoice(choices, v) : undefined;
      if (!choice) return String(v);
      out.push(choice);
    }
    return out;
  }
  const text = String(value).trim();
  const whole = findChoice(choices, text);
  if (whole) return [whole];
  const longestFirst = [...choices].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = text;
  while (rest !== "") {
    const choice = longestFirst.find((c) => rest === c || rest.startsWith(`${c}, `));
    if (!choice) return rest;
    out.push(choice);
    rest = rest.slice(choice.length).replace(/^, /, "");
  }
  return out;
}

function checkValidation(q: QuestionDefinition, raw: unknown, value: AnswerValue): string | undefined {
  const v = q.validation;
  if (!v) return undefined;
  switch (v.kind) {
    case "numberRange":
      if (typeof value !== "number") return undefined;
      if ((v.integer && !Number.isInteger(value)) || (v.min !== undefined && value < v.min)) return v.message;
      return v.max !== undefined && value > v.max ? v.message : undefined;
    case "pattern":
      // A sheet may have turned a text answer into a number (02000 → 2000): the form checked it already.
      return typeof raw === "string" && !new RegExp(v.pattern).test(String(value)) ? v.message : undefined;
    case "maxLength":
      return String(value).length > v.max ? v.message : undefined;
    case "selectCount": {
      const n = Array.isArray(value) ? value.length : 1;
      return (v.min !== undefined && n < v.min) || (v.max !== undefined && n > v.max) ? v.message : undefined;
    }
  }
}

type Typed = { readonly ok: AnswerValue } | { readonly problem: string };

const expected = (what: string): Typed => ({ problem: `attendu ${what}` });

function readTyped(q: QuestionDefinition, value: unknown): Typed {
  switch (q.type) {
    case "shortText":
    case "paragraph": {
      // The responses sheet may have read a text answer as a number or a date.
      const date = asDate(value);
      if (date && !Number.isNaN(date.getTime())) return { ok: formatParisDate(date) };
      return typeof value === "string" || typeof value === "number"
        ? { ok: String(value).trim() }
        : expected("un texte");
    }
    case "email": {
      const text = typeof value === "string" ? value.trim() : "";
      return EMAIL.test(text) ? { ok: text } : expected("une adresse e-mail");
    }
    case "number": {
      const n = readNumber(value);
      return n === undefined ? expected("un nombre") : { ok: n };
    }
    case "date": {
      const d = asDate(value);
      if (d) return Number.isNaN(d.getTime()) ? expected("une date") : { ok: parisIsoDate(d) };
      if (typeof value !== "string" || !/^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
        return expected("une date comme 10/07/2025");
      }
      try {
        return { ok: parisIsoDate(parseDateTime(value, { name: q.id })) };
      } catch {
        return expected("une date comme 10/07/2025");
      }
    }
    case "singleChoice":
    case "dropdown": {
      const choice = typeof value === "string" ? findChoice(choicesOf(q), value) : undefined;
      if (choice !== undefined) return { ok: choice };
      // A country edited in the responses sheet may be off the list: eligibility judges it.
      const isCountryList = q.choices !== undefined && !Array.isArray(q.choices);
      return isCountryList && typeof value === "string" && findCountry(value) !== undefined
        ? { ok: value.trim() }
        : expected("un des choix proposés");
    }
    case "checkboxes": {
      const boxes = checkedBoxes(choicesOf(q), value);
      return Array.isArray(boxes) ? { ok: boxes } : { problem: `choix inconnu « ${boxes} »` };
    }
    case "scale": {
      const n = readNumber(value);
      const low = q.scale?.low ?? 0;
      const high = q.scale?.high ?? 0;
      return n !== undefined && Number.isInteger(n) && n >= low && n <= high
        ? { ok: n }
        : expected(`un entier de ${low} à ${high}`);
    }
    case "yesNo": {
      if (typeof value === "boolean") return { ok: value };
      const text = typeof value === "string" ? value.trim().toLowerCase() : "";
      return text === "oui" ? { ok: true } : text === "non" ? { ok: false } : expected("Oui ou Non");
    }
  }
}

function quoteRaw(raw: unknown): string {
  return `« ${Array.isArray(raw) ? raw.join(", ") : String(raw)} »`;
}

/** Reads one answer; an error is a French sentence naming the question and the value. */
export function readAnswer(q: QuestionDefinition, raw: unknown): AnswerReading {
  const name = `« ${q.label} »`;
  if (isBlankAnswer(raw))
    return q.required ? { error: `${name} : réponse obligatoire` } : { value: undefined };
  const typed = readTyped(q, raw);
  if ("problem" in typed) return { error: `${name} : ${typed.problem}, reçu ${quoteRaw(raw)}` };
  const message = checkValidation(q, raw, typed.ok);
  return message ? { error: `${name} : ${message} (reçu ${quoteRaw(raw)})` } : { value: typed.ok };
}
