import { describe, expect, it } from "vitest";
import { field } from "../../src/core/errors";
import {
  formatParisDateTime,
  fromParis,
  parisIsoDate,
  parisOffsetHours,
  parseDateTime,
} from "../../src/core/intake";

const at = field("date_depot");

describe("Europe/Paris offset: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC", () => {
  it.each([
    ["2025-03-30T00:59:59Z", 1],
    ["2025-03-30T01:00:00Z", 2],
    ["2025-06-15T21:59:59Z", 2],
    ["2025-10-26T00:59:59Z", 2],
    ["2025-10-26T01:00:00Z", 1],
    ["2025-12-31T23:00:00Z", 1],
    ["2024-03-31T01:00:00Z", 2],
    ["2024-10-27T00:59:59Z", 2],
    ["2024-10-27T01:00:00Z", 1],
  ])("%s → UTC+%i", (iso, offset) => {
    expect(parisOffsetHours(new Date(iso))).toBe(offset);
  });

  it("reads a wall-clock time in summer and in winter", () => {
    expect(fromParis({ year: 2025, month: 6, day: 15, hour: 23, minute: 59, second: 59 }).toISOString()).toBe(
      "2025-06-15T21:59:59.000Z",
    );
    expect(fromParis({ year: 2024, month: 12, day: 6, hour: 23, minute: 59, second: 59 }).toISOString()).toBe(
      "2024-12-06T22:59:59.000Z",
    );
  });

  it("takes the first 02:30 of the autumn night, and 03:30 for the spring 02:30 that does not exist", () => {
    expect(fromParis({ year: 2025, month: 10, day: 26, hour: 2, minute: 30, second: 0 }).toISOString()).toBe(
      "2025-10-26T00:30:00.000Z",
    );
    expect(fromParis({ year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0 }).toISOString()).toBe(
      "2025-03-30T01:30:00.000Z",
    );
  });

  it("formats an instant as staff read it", () => {
    expect(formatParisDateTime(new Date("2025-06-15T21:59:59Z"))).toBe("15/06/2025 23:59:59");
    expect(formatParisDateTime(new Date("2025-01-05T08:04:05Z"))).toBe("05/01/2025 09:04:05");
    expect(parisIsoDate(new Date("2025-06-15T22:30:00Z"))).toBe("2025-06-16");
  });
});

describe("reading a date-time", () => {
  it.each([
    ["15/06/2025 23:59:59", "2025-06-15T21:59:59.000Z"],
    ["15/06/2025 23:59", "2025-06-15T21:59:00.000Z"],
    ["16/06/2025", "2025-06-15T22:00:00.000Z"],
    ["1/7/2025 9h30", "2025-07-01T07:30:00.000Z"],
    ["2025-06-15T23:59:59", "2025-06-15T21:59:59.000Z"],
    ["2025-06-15 23:59:59", "2025-06-15T21:59:59.000Z"],
    ["2025-06-15", "2025-06-14T22:00:00.000Z"],
    ["2025-06-15T21:59:59Z", "2025-06-15T21:59:59.000Z"],
    ["2025-06-16T00:00:00+02:00", "2025-06-15T22:00:00.000Z"],
    ["2025-12-01T10:00:00-0500", "2025-12-01T15:00:00.000Z"],
    // French Sheets separates date and time with a no-break or a narrow no-break space.
    ["15/06/2025\u00a023:59:59", "2025-06-15T21:59:59.000Z"],
    ["15/06/2025\u202f23:59:59", "2025-06-15T21:59:59.000Z"],
    ["\u00a015/06/2025\u00a0", "2025-06-14T22:00:00.000Z"],
  ])("%j → %s", (text, iso) => {
    expect(parseDateTime(text, at).toISOString()).toBe(iso);
  });

  it("takes a Date as the instant it is, and a Date from another realm too", () => {
    const d = new Date("2025-06-15T21:59:59Z");
    expect(parseDateTime(d, at)).toBe(d);
    const foreign = { getTime: () => d.getTime() };
    expect(parseDateTime(foreign, at).toISOString()).toBe("2025-06-15T21:59:59.000Z");
  });

  it("reads a Sheets serial number as a Paris wall-clock time", () => {
    // 45823 = 15/06/2025; 86399/86400 of a day = 23:59:59
    expect(parseDateTime(45823 + 86399 / 86400, at).toISOString()).toBe("2025-06-15T21:59:59.000Z");
  });

  it.each(["31/02/2025", "15/06/2025 24:00:00", "demain", "2025-13-01", ""])(
    "refuses %j, naming it",
    (text) => {
      expect(() => parseDateTime(text, at)).toThrow(/^Date invalide \(date_depot\) : « /);
    },
  );
});
