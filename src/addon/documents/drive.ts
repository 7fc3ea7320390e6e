/**
 * Where generated documents go: a Drive folder per convention (or per call), remembered in the
 * document's properties; each document as a Google Doc and its PDF copy, side by side.
 * With the `drive.file` scope the add-on sees only the files and folders it created.
 */
import * as z from "zod/mini";
import type { DocumentModel } from "../../core/documents";
import { parseStoredJson } from "../stored-json";
import { drawDocument } from "./google-doc";

const PDF = "application/pdf";

export interface StoredFile {
  readonly id: string;
  readonly url: string;
}

const generatedSchema = z.object({
  doc: z.object({ id: z.string(), url: z.string() }),
  pdf: z.object({ id: z.string(), url: z.string() }),
  at: z.string(),
});

export type Generated = z.infer<typeof generatedSchema>;

/** The folder named `name`, made by the add-on once and found again by its id. */
export function folderFor(propertyKey: string, name: string): GoogleAppsScript.Drive.Folder {
  const properties = PropertiesService.getDocumentProperties();
  const id = properties.getProperty(propertyKey);
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch {
      console.warn(`Dossier Drive « ${name} » introuvable : un nouveau est créé.`);
    }
  }
  const folder = DriveApp.createFolder(name);
  properties.setProperty(propertyKey, folder.getId());
  return folder;
}

/** What was generated last time under this key, if its files still exist (not in the bin). */
export function previousGenerated(propertyKey: string): Generated | undefined {
  const stored = parseStoredJson(
    generatedSchema,
    PropertiesService.getDocumentProperties().getProperty(propertyKey),
  );
  if (!stored) return undefined;
  try {
    return DriveApp.getFileById(stored.doc.id).isTrashed() ? undefined : stored;
  } catch {
    return undefined;
  }
}

/** Creates the Google Doc and its PDF in the folder, remembers them under the key; the previous ones go to the bin. */
export function generateDocument(
  model: DocumentModel,
  folder: GoogleAppsScript.Drive.Folder,
  propertyKey: string,
  now: Date,
): Generated {
  const previous = previousGenerated(propertyKey);
  const doc = DocumentApp.create(model.title);
  drawDocument(doc.getBody(), model);
  doc.saveAndClose();
  const docFile = DriveApp.getFileById(doc.getId());
  docFile.moveTo(folder);
  const pdf = folder.createFile(docFile.getAs(PDF)).setName(`${model.title}.pdf`);
  const generated: Generated = {
    doc: { id: doc.getId(), url: doc.getUrl() },
    pdf: { id: pdf.getId(), url: pdf.getUrl() },
    at: now.toISOString(),
  };
  PropertiesService.getDocumentProperties().setProperty(propertyKey, JSON.stringify(generated));
  if (previous) {
    for (const id of [previous.doc.id, previous.pdf.id]) {
      try {
        DriveApp.getFileById(id).setTrashed(true);
      } catch (error) {
        console.warn(`Ancienne version ${id} non mise à la corbeille : ${String(error)}`);
      }
    }
  }
  return generated;
}
