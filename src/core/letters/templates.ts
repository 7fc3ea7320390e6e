/**
 * Letter templates: one per event of an application (acknowledgement, inadmissible, retained,
 * waiting list, refused), each a subject and a body with placeholders `{association}`,
 * `{motifs}`… and the call's question ids (`{projetTitre}`). Checked before any message is
 * prepared; rendered in one pass, so an applicant's text holding `{motifs}` stays as typed.
 */
import { InputError } from "../errors";
import type { CallDefinition } from "../intake/call-schema";
import type { Status } from "../intake/review";

export const LETTER_EVENTS = [
  { id: "accuse", label: "Accusé de réception", status: undefined },
  { id: "irrecevable", label: "Irrecevable", status: "Irrecevable" },
  { id: "retenue", label: "Retenue", status: "Retenue" },
  { id: "attente", label: "Liste d'attente", status: "Liste d'attente" },
  { id: "refusee", label: "Refusée", status: "Refusée" },
] as const satisfies readonly { id: string; label: string; status: Status | undefined }[];

export type LetterEventId = (typeof LETTER_EVENTS)[number]["id"];
export type LetterEvent = (typeof LETTER_EVENTS)[number];

/** The event a review status calls for, if any (`Retenue` → retenue; `En instruction` → none). */
export function eventOfStatus(status: unknown): LetterEvent | undefined {
  const text = typeof status === "string" ? status.trim() : "";
  return LETTER_EVENTS.find((e) => e.status !== undefined && e.status === text);
}

/** The event named by its label as the templates sheet shows it (case and spaces ignored). */
export function eventByLabel(label: unknown): LetterEvent | undefined {
  const text = String(label ?? "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/’/g, "'");
  return LETTER_EVENTS.find((e) => e.label.toLowerCase() === text || e.id === text);
}

/** The placeholders every template may use, whatever the call. */
export const PLACEHOLDERS = [
  "association",
  "contact",
  "appel",
  "numero",
  "motifs",
  "date_limite",
  "capacite",
  "signature",
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface LetterTemplate {
  readonly event: LetterEventId;
  /** For this call only (it then replaces the common template of its event); undefined: every call. */
  readonly callId?: string;
  readonly subject: string;
  readonly body: string;
}

const SIGNATURE = "L'équipe de Lianes coopération";

/** The texts that ship: plain, polite French; staff edit them in `Modèles de courriers`. */
export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [
  {
    event: "accuse",
    subject: "{appel} : nous avons bien reçu votre candidature",
    body:
      "Bonjour {contact},\n\n" +
      "Nous avons bien reçu la candidature de {association} à l'appel {appel} ; elle porte le numéro {numero}.\n\n" +
      "Les candidatures sont reçues jusqu'au {date_limite}. L'équipe les examine ensuite et vous écrira pour vous " +
      "donner sa réponse.\n\nBien cordialement,\n\n{signature}",
  },
  {
    event: "irrecevable",
    subject: "{appel} : votre candidature n'est pas recevable",
    body:
      "Bonjour {contact},\n\n" +
      "Merci pour la candidature de {association} à l'appel {appel} (n° {numero}).\n\n" +
      "Nous sommes au regret de vous dire qu'elle ne peut pas être examinée, pour le ou les motifs suivants :\n" +
      "{motifs}\n\n" +
      "Si vous pensez qu'il s'agit d'une erreur, répondez simplement à ce message : nous regarderons votre dossier " +
      "avec attention.\n\nBien cordialement,\n\n{signature}",
  },
  {
    event: "retenue",
    subject: "{appel} : votre candidature est retenue",
    body:
      "Bonjour {contact},\n\n" +
      "Nous avons le plaisir de vous annoncer que la candidature de {association} (n° {numero}) fait partie des " +
      "{capacite} projets retenus pour l'appel {appel}.\n\n" +
      "Nous reviendrons vers vous très prochainement pour préparer la suite ensemble.\n\n" +
      "Toutes nos félicitations, et bien cordialement,\n\n{signature}",
  },
  {
    event: "attente",
    subject: "{appel} : votre candidature est sur liste d'attente",
    body:
      "Bonjour {contact},\n\n" +
      "La candidature de {association} (n° {numero}) a retenu l'attention du comité de l'appel {appel}. Les " +
      "{capacite} places étant attribuées, elle est inscrite sur liste d'attente.\n\n" +
      "Si une place se libère, nous vous écrirons aussitôt.\n\nBien cordialement,\n\n{signature}",
  },
  {
    event: "refusee",
    subject: "{appel} : réponse à votre candidature",
    body:
      "Bonjour {contact},\n\n" +
      "Merci pour la candidature de {association} (n° {numero}) à l'appel {appel}. Le comité a dû faire des " +
      "choix parmi de nombreux projets de qualité, pour {capacite} places, et n'a pas pu retenir le vôtre cette " +
      "année.\n\nNous restons à votre écoute pour en parler et vous accompagner dans un prochain dépôt.\n\n" +
      "Bien cordialement,\n\n{signature}",
  },
  {
    // A call's own template: PAM registrations are acknowledged with their idea, in PAM's words.
    event: "accuse",
    callId: "PAM-2025",
    subject: "{appel} : nous avons bien reçu votre inscription",
    body:
      "Bonjour {contact},\n\n" +
      "Nous avons bien reçu l'inscription de {association} au parcours d'accompagnement aux projets de mobilité " +
      "({appel}, n° {numero}), pour votre idée : « {ideeQuoi} ».\n\n" +
      "Lianes coopération et le Département choisissent au plus {capacite} porteurs par session parmi les " +
      "inscriptions reçues jusqu'au {date_limite} ; nous vous écrirons pour vous donner notre réponse.\n\n" +
      "Bien cordialement,\n\n{signature}",
  },
];

export const DEFAULT_SIGNATURE = SIGNATURE;

/** `{name}` tokens: a letter, then letters, digits or `_` (a lone `{` or `{ }` is plain text). */
const TOKEN = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1] as string))];
}

/** Every placeholder a call's templates may use: the common ones, then its question ids. */
export function knownPlaceholders(call: CallDefinition): readonly string[] {
  return [...PLACEHOLDERS, ...call.questions.map((q) => q.id)];
}

export function eventLabel(event: LetterEventId): string {
  return LETTER_EVENTS.find((e) => e.id === event)?.label ?? event;
}

export interface TemplateProblem {
  readonly event: LetterEventId;
  readonly callId: string | undefined;
  /** Which part of the template: its subject or its body. */
  readonly part: "objet" | "texte";
  /** `Modèle « Retenue » (objet) : champ inconnu {assocation} — champs possibles : …` */
  readonly message: string;
}

/** The templates a call's letters use: for each event, the call's own, else the common one. */
export function templatesForCall(templates: readonly LetterTemplate[], callId: string): LetterTemplate[] {
  return LETTER_EVENTS.flatMap((e) => {
    const own = templates.find((t) => t.event === e.id && t.callId === callId);
    const common = templates.find((t) => t.event === e.id && t.callId === undefined);
    const chosen = own ?? common;
    return chosen ? [chosen] : [];
  });
}

/** Every problem of the templates a call uses, with the template and part it is in. */
export function templateProblemList(
  templates: readonly LetterTemplate[],
  call: CallDefinition,
): TemplateProblem[] {
  const known = new Set(knownPlaceholders(call));
  const problems: TemplateProblem[] = [];
  for (const t of templatesForCall(templates, call.id)) {
    const label = `${eventLabel(t.event)}${t.callId ? ` — ${t.callId}` : ""}`;
    for (const [part, text] of [
      ["objet", t.subject],
      ["texte", t.body],
    ] as const) {
      for (const name of placeholdersOf(text)) {
        if (!known.has(name)) {
          problems.push({
            event: t.event,
            callId: t.callId,
            part,
            message:
              `Modèle « ${label} » (${part}) : champ inconnu {${name}} — champs possibles : ` +
              `${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")} et les questions de l'appel ${call.id} ` +
              `(par exemple {${call.questions[0]?.id ?? "question"}})`,
          });
        }
      }
      if (text.trim() === "")
        problems.push({
          event: t.event,
          callId: t.callId,
          part,
          message: `Modèle « ${label} » (${part}) : vide`,
        });
    }
    if (/[\r\n]/.test(t.subject)) {
      problems.push({
        event: t.event,
        callId: t.callId,
        part: "objet",
        message: `Modèle « ${label} » (objet) : l'objet tient sur une seule ligne`,
      });
    }
  }
  return problems;
}

/**
 * Every problem of the templates for a call, as French sentences naming the template and the
 * placeholder: `Modèle « Retenue » (objet) : champ inconnu {projet_titre} — champs possibles : …`.
 */
export function templateProblems(templates: readonly LetterTemplate[], call: CallDefinition): string[] {
  return templateProblemList(templates, call).map((p) => p.message);
}

/** Throws one InputError listing every problem; nothing is prepared with a broken template. */
export function checkTemplates(templates: readonly LetterTemplate[], call: CallDefinition): void {
  const problems = templateProblems(templates, call);
  if (problems.length > 0) throw new InputError(problems.join("\n"));
}

/** Replaces each known placeholder once; values are never scanned again (applicant text stays as typed). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(TOKEN, (token, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : token,
  );
}

export interface RenderedLetter {
  readonly subject: string;
  readonly body: string;
}

/**
 * The subject and body of one letter. The subject is one line (line breaks an applicant typed
 * become spaces: a header cannot carry them) of at most 250 characters.
 */
export function renderLetter(
  template: LetterTemplate,
  values: Readonly<Record<string, string>>,
): RenderedLetter {
  const subject = fillPlaceholders(template.subject, values)
    .replace(/[\r\n\t]+/g, " ")
    .trim();
  return {
    subject: subject.length > 250 ? `${subject.slice(0, 249)}…` : subject,
    body: fillPlaceholders(template.body, values).replace(/\r\n?/g, "\n"),
  };
}
