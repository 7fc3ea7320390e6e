/**
 * The jury's members, as staff list them in the `Jury <appel>` sheet: name, e-mail,
 * organisation. A member is known by their e-mail, compared without case or surrounding spaces.
 */
import { field, InputError, invalid } from "../errors";

export interface JuryMember {
  readonly name: string;
  /** As typed (shown in the sheet). */
  readonly email: string;
  readonly organisation: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form of an e-mail address members are matched on. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * The members from the rows of the members table (name, e-mail, organisation), header excluded;
 * `firstRow` is the sheet row of the first one, for the messages. Blank rows are skipped; an
 * invalid or repeated e-mail is an error naming its row.
 */
export function readMembers(rows: readonly (readonly unknown[])[], firstRow: number): JuryMember[] {
  const members: JuryMember[] = [];
  const seen = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const [name, email, organisation] = [text(row[0]), text(row[1]), text(row[2])];
    if (name === "" && email === "" && organisation === "") return;
    const sheetRow = firstRow + i;
    if (!EMAIL.test(email)) {
      problems.push(invalid("E-mail de membre du jury invalide", field("e-mail", sheetRow), row[1]).message);
      return;
    }
    const earlier = seen.get(emailKey(email));
    if (earlier !== undefined) {
      problems.push(
        invalid(`Membre du jury en double (déjà ligne ${earlier})`, field("e-mail", sheetRow), row[1])
          .message,
      );
      return;
    }
    seen.set(emailKey(email), sheetRow);
    members.push({ name: name === "" ? email : name, email, organisation });
  });
  if (problems.length > 0) throw new InputError(problems.join("\n"));
  return members;
}
