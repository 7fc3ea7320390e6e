/**
 * In-memory Ui, PropertiesService, CacheService, LockService, ScriptApp, Session, Utilities
 * and Logger, with the real services' limits and failure modes where the add-on depends on them.
 */
import { createHash, randomUUID } from "node:crypto";

/** Dialog answers a test or the demo queues; an unexpected dialog is an error, not a guess. */
export type ScriptedAnswer =
  | { readonly kind: "prompt"; readonly button: "OK" | "CANCEL"; readonly text: string }
  | { readonly kind: "alert"; readonly button: "OK" | "YES" | "NO" | "CANCEL" };

export interface MenuRecord {
  readonly title: string;
  readonly items: ({ caption: string; functionName: string } | MenuRecord | "separator")[];
}

/** Every clickable item of a menu and its submenus, with its path (`Paramètres › Vérifier…`). */
export function menuItems(menu: MenuRecord, path: readonly string[] = []) {
  const items: { caption: string; path: string; functionName: string }[] = [];
  for (const item of menu.items) {
    if (item === "separator") continue;
    if ("items" in item) items.push(...menuItems(item, [...path, item.title]));
    else items.push({ ...item, path: [...path, item.caption].join(" › ") });
  }
  return items;
}

export class FakeUi {
  readonly Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
  readonly ButtonSet = {
    OK: "OK",
    OK_CANCEL: "OK_CANCEL",
    YES_NO: "YES_NO",
    YES_NO_CANCEL: "YES_NO_CANCEL",
  } as const;
  readonly menus: MenuRecord[] = [];
  readonly alerts: string[] = [];
  /** The texts of the prompts shown, in order. */
  readonly prompts: string[] = [];
  readonly sidebars: unknown[] = [];
  private readonly answers: ScriptedAnswer[] = [];

  answer(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  private next(kind: ScriptedAnswer["kind"], text: string): ScriptedAnswer {
    const answer = this.answers.shift();
    if (!answer || answer.kind !== kind) throw new Error(`Boîte de dialogue inattendue (${kind}) : ${text}`);
    return answer;
  }

  createMenu(title: string) {
    const record: MenuRecord = { title, items: [] };
    const menu = {
      addItem: (caption: string, functionName: string) => {
        record.items.push({ caption, functionName });
        return menu;
      },
      addSeparator: () => {
        record.items.push("separator");
        return menu;
      },
      addSubMenu: (submenu: { record: MenuRecord }) => {
        record.items.push(submenu.record);
        return menu;
      },
      record,
      addToUi: () => {
        this.menus.push(record);
      },
    };
    return menu;
  }

  createAddonMenu() {
    return this.createMenu("Extensions");
  }

  /** alert(message), alert(message, buttons) or alert(title, message, buttons). */
  alert(...args: string[]): string {
    const text = args.filter((a) => !(a in this.ButtonSet)).join(" — ");
    this.alerts.push(text);
    const buttons = args.find((a) => a in this.ButtonSet) ?? "OK";
    if (buttons === "OK") return "OK";
    return this.next("alert", text).button;
  }

  prompt(...args: string[]) {
    const text = args.filter((a) => !(a in this.ButtonSet)).join(" — ");
    this.prompts.push(text);
    const answer = this.next("prompt", text) as Extract<ScriptedAnswer, { kind: "prompt" }>;
    return { getSelectedButton: () => answer.button, getResponseText: () => answer.text };
  }

  showSidebar(html: unknown) {
    this.sidebars.push(html);
  }

  showModalDialog(html: unknown, _title: string) {
    this.sidebars.push(html);
  }
}

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTIES_TOTAL_LIMIT = 500 * 1024;

export class FakeProperties {
  private readonly values = new Map<string, string>();

  private size(): number {
    let total = 0;
    for (const [k, v] of this.values) total += k.length + v.length;
    return total;
  }

  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  setProperty(key: string, value: string) {
    const text = String(value);
    if (Buffer.byteLength(text, "utf8") > PROPERTY_VALUE_LIMIT) {
      throw new Error("Argument too large: value");
    }
    const previous = this.values.get(key);
    this.values.set(key, text);
    if (this.size() > PROPERTIES_TOTAL_LIMIT) {
      if (previous === undefined) this.values.delete(key);
      else this.values.set(key, previous);
      throw new Error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
    return this;
  }
  setProperties(properties: Record<string, string>) {
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }
  deleteProperty(key: string) {
    this.values.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.values.clear();
    return this;
  }
}

export class FakeCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number) {}
  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e || e.expires <= this.now()) return null;
    return e.value;
  }
  put(key: string, value: string, seconds = 600) {
    if (value.length > 100 * 1024) throw new Error("Argument too large: value");
    this.entries.set(key, { value, expires: this.now() + Math.min(seconds, 21_600) * 1000 });
  }
  remove(key: string) {
    this.entries.delete(key);
  }
}

/**
 * The document lock, shared by every execution of the project. Each execution sees it through
 * `viewFor(execution)` (what `LockService.getDocumentLock()` returns there): one holder at a
 * time; a wait that cannot succeed times out. The host runs executions in one thread, so an
 * execution that would wait for a holder still running times out; one that would wait and get
 * the lock is simply started after the holder (see the host's concurrent submissions).
 */
export class FakeLock {
  private holder: string | undefined;
  /** Every tryLock/waitLock outcome, in order, with the execution that asked. */
  readonly log: ("acquired" | "timed out")[] = [];
  readonly history: { execution: string; outcome: "acquired" | "timed out" | "released" }[] = [];

  /** Makes another execution (`who`) hold the lock, or frees it (undefined). */
  holdBy(who: string | undefined): void {
    this.holder = who;
  }

  heldBy(): string | undefined {
    return this.holder;
  }

  viewFor(execution: string): LockView {
    return new LockView(this, execution);
  }

  /** @internal */
  release(execution: string): void {
    if (this.holder !== execution) return;
    this.holder = undefined;
    this.history.push({ execution, outcome: "released" });
  }

  /** @internal */
  acquire(execution: string): boolean {
    const outcome = this.holder === undefined || this.holder === execution ? "acquired" : "timed out";
    if (outcome === "acquired") this.holder = execution;
    this.log.push(outcome);
    this.history.push({ execution, outcome });
    return outcome === "acquired";
  }
}

/** `LockService.getDocumentLock()` as one execution sees it. */
export class LockView {
  constructor(
    private readonly lock: FakeLock,
    private readonly execution: string,
  ) {}
  tryLock(_timeoutMs: number): boolean {
    return this.lock.acquire(this.execution);
  }
  waitLock(_timeoutMs: number): void {
    if (!this.lock.acquire(this.execution))
      throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this.lock.heldBy() === this.execution;
  }
  releaseLock(): void {
    this.lock.release(this.execution);
  }
}

export interface FakeTrigger {
  readonly id: string;
  readonly handler: string;
  readonly eventType: string;
  readonly sourceId: string;
}

export class FakeScriptApp {
  readonly AuthMode = {
    NONE: "NONE",
    LIMITED: "LIMITED",
    FULL: "FULL",
    CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
  } as const;
  readonly EventType = { ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT" } as const;
  readonly triggers: FakeTrigger[] = [];
  private counter = 0;

  private view(t: FakeTrigger) {
    return {
      getUniqueId: () => t.id,
      getHandlerFunction: () => t.handler,
      getEventType: () => t.eventType,
      getTriggerSourceId: () => t.sourceId,
    };
  }

  newTrigger(handler: string) {
    return {
      forSpreadsheet: (spreadsheet: { getId(): string }) => ({
        onFormSubmit: () => ({
          create: () => {
            this.counter += 1;
            const t: FakeTrigger = {
              id: `declencheur-${this.counter}`,
              handler,
              eventType: this.EventType.ON_FORM_SUBMIT,
              sourceId: spreadsheet.getId(),
            };
            this.triggers.push(t);
            return this.view(t);
          },
        }),
      }),
    };
  }

  getProjectTriggers() {
    return this.triggers.map((t) => this.view(t));
  }

  deleteTrigger(trigger: { getUniqueId(): string }) {
    const i = this.triggers.findIndex((t) => t.id === trigger.getUniqueId());
    if (i >= 0) this.triggers.splice(i, 1);
  }
}

/** Apps Script's Utilities: Java-style date patterns in a time zone, digests as signed bytes. */
export const fakeUtilities = {
  DigestAlgorithm: { SHA_256: "sha256", MD5: "md5", SHA_1: "sha1" },
  Charset: { UTF_8: "utf8" },
  computeDigest(algorithm: string, value: string): number[] {
    return [...createHash(algorithm).update(value, "utf8").digest()].map((b) => (b > 127 ? b - 256 : b));
  },
  base64Encode(value: string | number[]): string {
    return Buffer.from(typeof value === "string" ? value : value.map((b) => (b + 256) % 256)).toString(
      "base64",
    );
  },
  getUuid: () => randomUUID(),
  sleep: (_ms: number) => {},
  formatDate(date: Date, timeZone: string, pattern: string): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("fr-FR", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => {
      const map: Record<string, string | undefined> = {
        yyyy: parts.year,
        MM: parts.month,
        dd: parts.day,
        HH: parts.hour,
        mm: parts.minute,
        ss: parts.second,
      };
      return map[token] ?? token;
    });
  },
};

/** console and Logger as the execution log: every line is kept, in order. */
export class ExecutionLog {
  readonly lines: string[] = [];
  private write(level: string, args: unknown[]): void {
    this.lines.push(`${level} ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ")}`);
  }
  readonly console = {
    log: (...args: unknown[]) => this.write("INFO", args),
    info: (...args: unknown[]) => this.write("INFO", args),
    warn: (...args: unknown[]) => this.write("AVERTISSEMENT", args),
    error: (...args: unknown[]) => this.write("ERREUR", args),
  };
  readonly Logger = {
    log: (...args: unknown[]) => {
      this.write("INFO", args);
      return this.Logger;
    },
  };
}

/** HtmlService serving the sidebars built into build/ (the files HtmlService would find). */
export function createHtmlService(readBuiltFile: (name: string) => string) {
  const output = (content: string) => {
    let title = "";
    const html = {
      getContent: () => content,
      getTitle: () => title,
      setTitle(t: string) {
        title = t;
        return html;
      },
      setWidth: () => html,
      setHeight: () => html,
    };
    return html;
  };
  return {
    createHtmlOutputFromFile: (name: string) => output(readBuiltFile(`${name}.html`)),
    createHtmlOutput: (content = "") => output(content),
  };
}
