/**
 * MailApp on the local host: records every message instead of sending it, with the day's
 * quota (100 for a consumer account, 1 500 for Workspace) and MailApp's refusals.
 */

export interface SentMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly name?: string;
  readonly replyTo?: string;
  readonly htmlBody?: string;
  /** In sending order, from 1. */
  readonly n: number;
}

interface MessageOptions {
  readonly to?: string;
  readonly subject?: string;
  readonly body?: string;
  readonly name?: string;
  readonly replyTo?: string;
  readonly htmlBody?: string;
}

/** What MailApp accepts as one recipient (a comma would be several; a line break is refused). */
const ADDRESS = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()"]+$/;

export class FakeMailApp {
  readonly messages: SentMessage[] = [];
  constructor(private quota = 100) {}

  /** Sets the remaining daily quota (as if other messages had been sent today). */
  setRemainingDailyQuota(n: number): void {
    this.quota = n;
  }

  getRemainingDailyQuota(): number {
    return this.quota;
  }

  sendEmail(
    toOrMessage: string | MessageOptions,
    subject?: string,
    body?: string,
    options: MessageOptions = {},
  ): this {
    const m: MessageOptions =
      typeof toOrMessage === "string" ? { ...options, to: toOrMessage, subject, body } : toOrMessage;
    const to = String(m.to ?? "");
    for (const address of to.split(",")) {
      if (!ADDRESS.test(address.trim())) throw new Error(`Invalid email: ${to}`);
    }
    if (this.quota <= 0) throw new Error("Service invoked too many times for one day: email.");
    this.quota -= 1;
    this.messages.push({
      to,
      subject: String(m.subject ?? ""),
      body: String(m.body ?? ""),
      n: this.messages.length + 1,
      ...(m.name !== undefined ? { name: m.name } : {}),
      ...(m.replyTo !== undefined ? { replyTo: m.replyTo } : {}),
      ...(m.htmlBody !== undefined ? { htmlBody: m.htmlBody } : {}),
    });
    return this;
  }
}
