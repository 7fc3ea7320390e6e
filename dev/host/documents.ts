/**
 * DocumentApp and DriveApp on the local host: documents, folders and files recorded in memory
 * (a Google Doc keeps its paragraphs and tables, with headings, alignment and bold), so a test
 * reads what the add-on drew. A PDF made by `getAs` holds the document's text.
 */
import { randomUUID } from "node:crypto";

const GOOGLE_DOC = "application/vnd.google-apps.document";
const NOT_FOUND = "No item with the given ID could be found, or you do not have permission to access it.";

export class FakeText {
  constructor(private readonly target: { bold: boolean }) {}
  setBold(bold: boolean) {
    this.target.bold = bold;
    return this;
  }
}

export class FakeParagraph {
  heading = "NORMAL";
  alignment = "LEFT";
  bold = false;
  constructor(public text: string) {}
  setHeading(heading: string) {
    this.heading = heading;
    return this;
  }
  setAlignment(alignment: string) {
    this.alignment = alignment;
    return this;
  }
  editAsText() {
    return new FakeText(this);
  }
  getText() {
    return this.text;
  }
  asParagraph() {
    return this;
  }
}

export class FakeTableCell {
  readonly paragraph: FakeParagraph;
  background = "";
  constructor(text: string) {
    this.paragraph = new FakeParagraph(text);
  }
  get bold() {
    return this.paragraph.bold;
  }
  getChild(_i: number) {
    return this.paragraph;
  }
  editAsText() {
    return new FakeText(this.paragraph);
  }
  setBackgroundColor(color: string) {
    this.background = color;
    return this;
  }
  getText() {
    return this.paragraph.text;
  }
}

export class FakeTableRow {
  constructor(readonly cells: FakeTableCell[]) {}
  getCell(i: number) {
    const cell = this.cells[i];
    if (!cell) throw new Error(`Cell index (${i}) out of bounds`);
    return cell;
  }
  getNumCells() {
    return this.cells.length;
  }
}

export class FakeTable {
  readonly rows: FakeTableRow[];
  constructor(cells: string[][]) {
    const width = cells[0]?.length ?? 0;
    if (cells.some((r) => r.length !== width))
      throw new Error("Table rows must have the same number of cells");
    this.rows = cells.map((r) => new FakeTableRow(r.map((c) => new FakeTableCell(String(c)))));
  }
  getRow(i: number) {
    const row = this.rows[i];
    if (!row) throw new Error(`Row index (${i}) out of bounds`);
    return row;
  }
  getNumRows() {
    return this.rows.length;
  }
}

export class FakeBody {
  readonly elements: (FakeParagraph | FakeTable)[] = [];
  clear() {
    this.elements.length = 0;
    return this;
  }
  appendParagraph(text: string) {
    const p = new FakeParagraph(String(text));
    this.elements.push(p);
    return p;
  }
  appendTable(cells: string[][]) {
    const t = new FakeTable(cells);
    this.elements.push(t);
    return t;
  }
  /** Every text, in order; table cells separated by ` | `, rows by line breaks. */
  getText() {
    return this.elements
      .map((e) =>
        e instanceof FakeTable
          ? e.rows.map((r) => r.cells.map((c) => c.getText()).join(" | ")).join("\n")
          : e.text,
      )
      .join("\n");
  }
}

export class FakeDocument {
  readonly body = new FakeBody();
  open = true;
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  getBody() {
    if (!this.open) throw new Error("Document is closed, its contents cannot be updated.");
    return this.body;
  }
  saveAndClose() {
    this.open = false;
  }
}

export class FakeBlob {
  constructor(
    readonly contentType: string,
    public name: string,
    readonly text: string,
  ) {}
  getContentType() {
    return this.contentType;
  }
  getName() {
    return this.name;
  }
  getDataAsString() {
    return this.text;
  }
}

export class FakeFile {
  trashed = false;
  parent: FakeFolder | undefined;
  constructor(
    readonly id: string,
    public name: string,
    readonly mimeType: string,
    readonly content: () => string,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.name = name;
    return this;
  }
  getMimeType() {
    return this.mimeType;
  }
  getUrl() {
    return this.mimeType === GOOGLE_DOC
      ? `https://docs.google.com/document/d/${this.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${this.id}/view?usp=drivesdk`;
  }
  isTrashed() {
    return this.trashed;
  }
  setTrashed(trashed: boolean) {
    this.trashed = trashed;
    return this;
  }
  moveTo(folder: FakeFolder) {
    this.parent = folder;
    return this;
  }
  getAs(contentType: string) {
    if (contentType !== "application/pdf") throw new Error(`Converting to ${contentType} is not supported.`);
    return new FakeBlob(contentType, `${this.name}.pdf`, this.content());
  }
}

export class FakeFolder {
  trashed = false;
  constructor(
    private readonly drive: FakeDriveApp,
    readonly id: string,
    readonly name: string,
  ) {}
  getId() {
    return this.id;
  }
  getName() {
    return this.name;
  }
  getUrl() {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  isTrashed() {
    return this.trashed;
  }
  setTrashed(trashed: boolean) {
    this.trashed = trashed;
    return this;
  }
  createFile(blob: FakeBlob) {
    const file = this.drive.addFile(blob.getName(), blob.getContentType(), () => blob.getDataAsString());
    file.parent = this;
    return file;
  }
  /** The files in this folder (not in the bin), as a list (the real one is an iterator). */
  filesHere(): FakeFile[] {
    return [...this.drive.files.values()].filter((f) => f.parent === this && !f.trashed);
  }
}

export class FakeDriveApp {
  readonly files = new Map<string, FakeFile>();
  readonly folders = new Map<string, FakeFolder>();

  /** @internal A file made by the add-on (a Google Doc by DocumentApp, a PDF by a folder). */
  addFile(name: string, mimeType: string, content: () => string): FakeFile {
    const file = new FakeFile(randomUUID().replace(/-/g, ""), name, mimeType, content);
    this.files.set(file.id, file);
    return file;
  }
  createFolder(name: string) {
    const folder = new FakeFolder(this, randomUUID().replace(/-/g, ""), name);
    this.folders.set(folder.id, folder);
    return folder;
  }
  getFolderById(id: string) {
    const folder = this.folders.get(id);
    if (!folder) throw new Error(NOT_FOUND);
    return folder;
  }
  getFileById(id: string) {
    const file = this.files.get(id);
    if (!file) throw new Error(NOT_FOUND);
    return file;
  }
}

export class FakeDocumentApp {
  readonly ParagraphHeading = {
    NORMAL: "NORMAL",
    HEADING1: "HEADING1",
    HEADING2: "HEADING2",
    TITLE: "TITLE",
  };
  readonly HorizontalAlignment = { LEFT: "LEFT", CENTER: "CENTER", RIGHT: "RIGHT", JUSTIFY: "JUSTIFY" };
  readonly documents = new Map<string, FakeDocument>();
  constructor(private readonly drive: FakeDriveApp) {}
  create(name: string) {
    const file = this.drive.addFile(
      name,
      GOOGLE_DOC,
      () => this.documents.get(file.id)?.body.getText() ?? "",
    );
    const doc = new FakeDocument(file.id, name);
    this.documents.set(doc.id, doc);
    return doc;
  }
  openById(id: string) {
    const doc = this.documents.get(id);
    if (!doc) throw new Error(NOT_FOUND);
    doc.open = true;
    return doc;
  }
}
