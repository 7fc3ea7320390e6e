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

/**
 * The eligibility rules, a fixed menu of kinds: each names the question it reads and its
 * terms. A kind left out is not checked; the deadline is checked unless `deadline` is false.
 */
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
  /** An amount in euros (a budget) between min and max, both included. */
  amount: z.optional(
    z.object({ question: id, min: z.number().check(z.gte(0)), max: z.number().check(z.positive()) }),
  ),
  /** A submission after the closing time is not eligible; true when left out. */
  deadline: z.optional(z.boolean()),
});

export type EligibilityKind = Exclude<keyof z.infer<typeof eligibilitySchema>, "deadline">;

/** The question types each rule may read (a code postal is short text; a country, a list). */
export const RULE_QUESTION_TYPES: Readonly<Record<EligibilityKind, readonly QuestionType[]>> = {
  headOffice: ["shortText", "number"],
  partnerCountry: ["dropdown", "singleChoice", "shortText"],
  alreadyFunded: ["yesNo"],
  durationDays: ["number"],
  amount: ["number"],
};

/**
 * The review sheet's statuses. These seven are the add-on's (the first two are given on arrival,
 * `Retenue` counts against the places, the summary lists the decided ones); a call may add its own.
 */
export const STATUSES = [
  "À instruire",
  "Irrecevable",
  "En instruction",
  "Retenue",
  "Liste d'attente",
  "Refusée",
  "Sans suite",
] as const;

export const criterionSchema = z.object({
  id,
  label: text,
  weight: z.number().check(z.positive({ message: "le poids doit être un nombre positif" })),
});

type Path = (string | number)[];

/** A problem of a whole call, at the path of the value to fix. */
export interface CallProblem {
  readonly path: Path;
  readonly message: string;
}

type ParsedCall = {
  id: string;
  questions: QuestionShape[];
  opensAt: string;
  closesAt: string;
  eligibility: z.infer<typeof eligibilitySchema>;
  review: {
    applicant: { question: string };
    email?: string | undefined;
    projectTitle?: string | undefined;
    criteria: { id: string }[];
    shownAnswers: string[];
    statuses?: { label: string }[] | undefined;
  };
  letters?: { contact?: string | undefined } | undefined;
};

type QuestionShape = {
  id: string;
  type: QuestionType;
  personal?: boolean | undefined;
  choices?: unknown;
  scale?: unknown;
};

const TYPE_WORDS: Record<QuestionType, string> = {
  shortText: "texte court",
  paragraph: "paragraphe",
  email: "e-mail",
  number: "nombre",
  date: "date",
  singleChoice: "choix unique",
  dropdown: "liste",
  checkboxes: "cases à cocher",
  scale: "échelle",
  yesNo: "oui/non",
};

/** The French word for a question type, as the call sheet writes it. */
export function questionTypeWord(type: QuestionType): string {
  return TYPE_WORDS[type];
}

const CHOICE_TYPES: readonly QuestionType[] = ["singleChoice", "dropdown", "checkboxes"];

/** Each eligibility rule's question fields, with the types they may have. */
function ruleReads(
  e: z.infer<typeof eligibilitySchema>,
): { path: Path; question: string; types: readonly QuestionType[] }[] {
  const reads: { path: Path; question: string; types: readonly QuestionType[] }[] = [];
  for (const kind of Object.keys(RULE_QUESTION_TYPES) as EligibilityKind[]) {
    const rule = e[kind];
    if (!rule) continue;
    reads.push({
      path: ["eligibility", kind, "question"],
      question: rule.question,
      types: RULE_QUESTION_TYPES[kind],
    });
  }
  if (e.alreadyFunded) {
    reads.push({
      path: ["eligibility", "alreadyFunded", "newProjectQuestion"],
      question: e.alreadyFunded.newProjectQuestion,
      types: ["yesNo"],
    });
  }
  return reads;
}

/**
 * Everything wrong with a call as a whole, each at the path of the value to fix (the call
 * sheet turns the path into a cell): duplicate ids, closing before opening, a rule reading a
 * missing question, one of the wrong type or a personal one, choices on the wrong questions.
 */
export function callProblems(c: ParsedCall): CallProblem[] {
  const problems: CallProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  const byId = new Map<string, QuestionShape>();
  c.questions.forEach((q, i) => {
    if (byId.has(q.id)) add(["questions", i, "id"], `identifiant de question en double : « ${q.id} »`);
    else byId.set(q.id, q);
    const isChoice = CHOICE_TYPES.includes(q.type);
    if (isChoice && q.choices === undefined) {
      add(["questions", i, "choices"], `la question « ${q.id} » (${TYPE_WORDS[q.type]}) n'a aucun choix`);
    }
    if (!isChoice && q.choices !== undefined) {
      add(
        ["questions", i, "choices"],
        `seules les questions à choix ont des choix (« ${q.id} » est ${TYPE_WORDS[q.type]})`,
      );
    }
    if ((q.scale !== undefined) !== (q.type === "scale")) {
      add(["questions", i, "scale"], "une question échelle a ses bornes, et elle seule");
    }
    if (q.type === "email" && q.personal !== true) {
      add(["questions", i, "personal"], "une question e-mail est une donnée personnelle (personal: true)");
    }
  });
  if (Date.parse(c.opensAt) >= Date.parse(c.closesAt)) {
    add(["closesAt"], "l'ouverture doit précéder la clôture");
  }
  for (const read of ruleReads(c.eligibility)) {
    const q = byId.get(read.question);
    if (!q) {
      add(read.path, `une règle d'éligibilité lit une question inconnue : « ${read.question} »`);
    } else if (!read.types.includes(q.type)) {
      add(
        read.path,
        `une règle d'éligibilité lit la question « ${q.id} » de type ${TYPE_WORDS[q.type]}, attendu ${read.types
          .map((t) => TYPE_WORDS[t])
          .join(" ou ")}`,
      );
    } else if (q.personal === true) {
      add(
        read.path,
        `la question « ${q.id} » lue par une règle d'éligibilité ne peut pas être personnelle : l'effacement changerait le verdict`,
      );
    }
  }
  const range = (kind: "durationDays" | "amount", what: string) => {
    const r = c.eligibility[kind];
    if (r && r.min > r.max) add(["eligibility", kind, "max"], `${what} minimale > maximale`);
  };
  range("durationDays", "durée");
  range("amount", "montant");
  const others: { path: Path; question: string | undefined }[] = [
    { path: ["review", "applicant", "question"], question: c.review.applicant.question },
    { path: ["review", "email"], question: c.review.email },
    { path: ["review", "projectTitle"], question: c.review.projectTitle },
    ...c.review.shownAnswers.map((question, i) => ({ path: ["review", "shownAnswers", i], question })),
    { path: ["letters", "contact"], question: c.letters?.contact },
  ];
  for (const o of others) {
    if (o.question !== undefined && !byId.has(o.question)) {
      add(o.path, `la grille d'instruction cite une question inconnue : « ${o.question} »`);
    }
  }
  if (byId.get(c.review.applicant.question) && !isPersonal(c, c.review.applicant.question)) {
    add(
      ["review", "applicant", "question"],
      "la question qui nomme le candidat (review.applicant) est une donnée personnelle (personal: true)",
    );
  }
  if (c.review.email !== undefined && byId.get(c.review.email) && !isPersonal(c, c.review.email)) {
    add(
      ["review", "email"],
      "l'e-mail du candidat (review.email) est une donnée personnelle (personal: true)",
    );
  }
  const statuses = new Set<string>(STATUSES);
  (c.review.statuses ?? []).forEach((st, i) => {
    if (statuses.has(st.label))
      add(["review", "statuses", i, "label"], `statut déjà dans la liste : « ${st.label} »`);
    statuses.add(st.label);
  });
  const criteria = new Set<string>();
  c.review.criteria.forEach((k, i) => {
    if (criteria.has(k.id)) add(["review", "criteria", i, "id"], `critères en double : « ${k.id} »`);
    criteria.add(k.id);
  });
  return problems;
}

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
      /** Statuses the call adds after the add-on's seven, with what they mean. */
      statuses: z.optional(
        z.array(
          z.object({ label: z.string().check(z.minLength(1), z.maxLength(100)), meaning: z.optional(text) }),
        ),
      ),
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
    z.superRefine((c, ctx) => {
      for (const p of callProblems(c))
        ctx.addIssue({ code: "custom", message: p.message, path: p.path, input: c });
    }),
  );

function isPersonal(c: { questions: { id: string; personal?: boolean | undefined }[] }, id: string): boolean {
  return c.questions.some((q) => q.id === id && q.personal === true);
}

export type CallDefinition = z.infer<typeof callSchema>;
export type QuestionDefinition = z.infer<typeof questionSchema>;
export type ValidationDefinition = z.infer<typeof validationSchema>;
export type ChoicesDefinition = z.infer<typeof choicesSchema>;
export type EligibilityRules = z.infer<typeof eligibilitySchema>;
export type Criterion = z.infer<typeof criterionSchema>;
