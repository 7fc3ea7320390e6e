/**
 * A call for applications as data: the form's questions, its calendar and capacity, the
 * eligibility rules that apply, the review criteria. A new call (PAM-2025, next year's
 * EXPLOR) is a new definition validated here, not new code.
 */
import * as z from "zod/mini";

const id = z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]*$/));
const text = z.string().check(z.minLength(1));

/** An instant written with its offset (`2025-06-15T23:59:59+02:00`) or in UTC. */
const instant = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/),
  z.refine((s) => !Number.isNaN(Date.parse(s)), { message: "date-heure invalide" }),
);

export const QUESTION_TYPES = [
  "shortText",
  "paragraph",
  "email",
  "number",
  "date",
  /** One answer among radio buttons (Forms: MultipleChoiceItem). */
  "singleChoice",
  /** One answer from a drop-down list (Forms: ListItem). */
  "dropdown",
  /** Several answers (Forms: CheckboxItem). */
  "checkboxes",
  "scale",
  "yesNo",
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

export const validationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("numberRange"),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    integer: z.optional(z.boolean()),
    message: text,
  }),
  z.object({ kind: z.literal("pattern"), pattern: text, message: text }),
  z.object({ kind: z.literal("maxLength"), max: z.int().check(z.positive()), message: text }),
  z.object({
    kind: z.literal("selectCount"),
    min: z.optional(z.int().check(z.nonnegative())),
    max: z.optional(z.int().check(z.positive())),
    message: text,
  }),
]);

/** Choices given in full, or the countries of a DAC list (French names) plus an "other" entry. */
export const choicesSchema = z.union([
  z.array(text).check(z.minLength(1)),
  z.object({ dacList: text, other: text }),
]);

export const questionSchema = z.object({
  id,
  label: text,
  help: z.optional(text),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  /**
   * The answer is personal data (RGPD): it names or reaches a person, or may (free text).
   * `Lianes › Effacer les données d'un candidat…` replaces it with a dated mention; answers
   * that are not personal stay, so that counts, eligibility and decisions stay true.
   * The respondent e-mail Forms collects is always personal, whatever the call.
   */
  personal: z.optional(z.boolean()),
  /** A number answer that is an amount: shown in euros (`1 497 €`) in the review sheet and panel. */
  unit: z.optional(z.literal("euros")),
  validation: z.optional(validationSchema),
  choices: z.optional(choicesSchema),
  scale: z.optional(
    z.object({
      low: z.int().check(z.gte(0), z.lte(1)),
      high: z.int().check(z.gte(2), z.lte(10)),
      lowLabel: z.optional(text),
      highLabel: z.optional(text),
    }),
  ),
});

/** Which answers hold the facts an eligibility rule reads, and the rule's terms. */
export const eligibilitySchema = z.object({
  headOffice: z.optional(
    z.object({
      question: id,
      /** Département codes where the head office must be. */
      departements: z.array(z.string().check(z.regex(/^(\d{2}|2[AB]|97\d)$/))).check(z.minLength(1)),
      /** Shown in the reason: `siège hors Hauts-de-France`. */
      regionLabel: text,
    }),
  ),
  partnerCountry: z.optional(z.object({ question: id, dacList: text })),
  alreadyFunded: z.optional(
    z.object({
      question: id,
      newProjectQuestion: id,
      /** The programme's name in the reason: `déjà financée par EXPLOR sans nouveau projet`. */
      programme: text,
    }),
  ),
  durationDays: z.optional(
    z.object({ question: id, min: z.int().check(z.positive()), max: z.int().check(z.positive()) }),
  ),
});

export const criterionSchema = z.object({
  id,
  label: text,
  weight: z.number().check(z.positive()),
});

export const callSchema = z
  .object({
    id: z.string().check(z.regex(/^[A-Z][A-Z0-9]*-\d{4}$/)),
    title: text,
    description: text,
    questions: z.array(questionSchema).check(z.minLength(1)),
    opensAt: instant,
    /** The last second on time: a submission at or after the next second is late. */
    closesAt: instant,
    capacity: z.int().check(z.positive()),
    eligibility: eligibilitySchema,
    review: z.object({
      /** The review sheet's name: one per call, so that two calls can share a spreadsheet. */
      sheetName: z.string().check(z.minLength(1), z.maxLength(90)),
      /** The answer that names the applicant (association, structure). */
      applicant: z.object({ question: id, header: text }),
      /** The respondent's email, when the form asks it as a question (else Forms collects it). */
      email: z.optional(id),
      /** The answer that names the project, shown to the jury beside the applicant. */
      projectTitle: z.optional(id),
      criteria: z.array(criterionSchema).check(z.minLength(1)),
      /** Answers summarised on each row of the review sheet, in this order. */
      shownAnswers: z.array(id),
      /** Score scale of each criterion: 0 to this. */
      maxScore: z.int().check(z.positive()),
    }),
    confirmationMessage: text,
    /** Letters to applicants (Lianes › Courriers): off unless given. */
    letters: z.optional(
      z.object({
        /** How letters name the call: `{appel}` (default: its id). */
        name: z.optional(text),
        /** The answer that names the person to write to: `{contact}` (default: the applicant). */
        contact: z.optional(id),
        /** Prepare (never send) an acknowledgement row when a response arrives. Off by default. */
        acknowledgement: z.optional(z.boolean()),
      }),
    ),
  })
  .check(
    z.refine((c) => new Set(c.questions.map((q) => q.id)).size === c.questions.length, {
      message: "identifiants de question en double",
    }),
    z.refine((c) => Date.parse(c.opensAt) < Date.parse(c.closesAt), {
      message: "l'ouverture doit précéder la clôture",
    }),
    z.refine((c) => referencedQuestions(c).every((r) => c.questions.some((q) => q.id === r)), {
      message: "une règle ou la grille d'instruction cite une question inconnue",
    }),
    z.refine(
      (c) =>
        c.questions.every(
          (q) =>
            (q.choices !== undefined) ===
            (q.type === "singleChoice" || q.type === "dropdown" || q.type === "checkboxes"),
        ),
      { message: "seules les questions à choix ont des choix, et elles en ont" },
    ),
    z.refine((c) => c.questions.every((q) => (q.scale !== undefined) === (q.type === "scale")), {
      message: "une question échelle a ses bornes, et elle seule",
    }),
    z.refine(
      (c) => !c.eligibility.durationDays || c.eligibility.durationDays.min <= c.eligibility.durationDays.max,
      {
        message: "durée minimale > maximale",
      },
    ),
    z.refine((c) => new Set(c.review.criteria.map((k) => k.id)).size === c.review.criteria.length, {
      message: "critères en double",
    }),
    z.refine((c) => c.questions.every((q) => q.type !== "email" || q.personal === true), {
      message: "une question e-mail est une donnée personnelle (personal: true)",
    }),
    z.refine((c) => isPersonal(c, c.review.applicant.question), {
      message:
        "la question qui nomme le candidat (review.applicant) est une donnée personnelle (personal: true)",
    }),
    z.refine((c) => c.review.email === undefined || isPersonal(c, c.review.email), {
      message: "l'e-mail du candidat (review.email) est une donnée personnelle (personal: true)",
    }),
    z.refine((c) => eligibilityQuestions(c.eligibility).every((id) => !isPersonal(c, id)), {
      message:
        "une question lue par une règle d'éligibilité ne peut pas être personnelle : l'effacement changerait le verdict",
    }),
  );

function isPersonal(c: { questions: { id: string; personal?: boolean | undefined }[] }, id: string): boolean {
  return c.questions.some((q) => q.id === id && q.personal === true);
}

/** The questions whose answers an eligibility rule reads. */
function eligibilityQuestions(e: z.infer<typeof eligibilitySchema>): string[] {
  return [
    e.headOffice?.question,
    e.partnerCountry?.question,
    e.alreadyFunded?.question,
    e.alreadyFunded?.newProjectQuestion,
    e.durationDays?.question,
  ].filter((q): q is string => q !== undefined);
}

function referencedQuestions(c: {
  eligibility: z.infer<typeof eligibilitySchema>;
  review: {
    applicant: { question: string };
    email?: string | undefined;
    projectTitle?: string | undefined;
    shownAnswers: string[];
  };
  letters?: { contact?: string | undefined } | undefined;
}): string[] {
  return [
    ...eligibilityQuestions(c.eligibility),
    c.review.applicant.question,
    c.review.email,
    c.review.projectTitle,
    ...c.review.shownAnswers,
    c.letters?.contact,
  ].filter((q): q is string => q !== undefined);
}

export type CallDefinition = z.infer<typeof callSchema>;
export type QuestionDefinition = z.infer<typeof questionSchema>;
export type ValidationDefinition = z.infer<typeof validationSchema>;
export type ChoicesDefinition = z.infer<typeof choicesSchema>;
export type EligibilityRules = z.infer<typeof eligibilitySchema>;
export type Criterion = z.infer<typeof criterionSchema>;
