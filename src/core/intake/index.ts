/** Application intake: calls as data, countries and the DAC list, eligibility, submissions, review rows. */
export type { AnswerReading, Answers, AnswerValue } from "./answers";
export { readAnswer } from "./answers";
export type {
  CallDefinition,
  ChoicesDefinition,
  Criterion,
  EligibilityRules,
  QuestionDefinition,
  QuestionType,
  ValidationDefinition,
} from "./call-schema";
export { callSchema, QUESTION_TYPES } from "./call-schema";
export {
  CALL_IDS,
  callById,
  callOf,
  choicesOf,
  DEFAULT_CALL_ID,
  lateFrom,
  loadCall,
  questionOf,
} from "./calls";
export { findCountry, frenchCountryName, parseCountry } from "./countries";
export { type DacList, DEFAULT_DAC_LIST_ID, dacListById } from "./dac-lists";
export { DEPARTEMENT_CODES, type Departement, findDepartement, parseDepartement } from "./departements";
export {
  ARGUMENT_NAMES,
  assessEligibility,
  ELIGIBLE,
  type Eligibility,
  type EligibilityFacts,
  type EligibilityOptions,
  eligibilityText,
  type FactNames,
  isLate,
  NOT_ELIGIBLE,
  parseDurationDays,
  parseYesNo,
} from "./eligibility";
export { normalizeName } from "./normalize";
export {
  asDate,
  formatParisDate,
  formatParisDateTime,
  fromParis,
  type ParisDateTime,
  parisIsoDate,
  parisOffsetHours,
  parseDateTime,
  toParis,
} from "./paris-time";
export { fnv1a, type KeyParts, keyParts, responseKey } from "./response-key";
export {
  type Cell,
  type Column,
  type ComputedColumnId,
  computedColumns,
  defaultStatus,
  formatAnswer,
  looksLikeFormula,
  RETAINED,
  type ReviewerColumnId,
  type ReviewRow,
  reviewerColumns,
  reviewRow,
  STATUSES,
  type Status,
  type StatusSummary,
  statusSummary,
  submissionEligibility,
  weightedScore,
  weightedScoreFormula,
} from "./review";
export {
  answersFromNamedValues,
  answersSchema,
  hasAnswers,
  parseSubmission,
  type RawSubmission,
  type Submission,
  type SubmissionResult,
  validateSubmission,
} from "./submission";
