/**
 * Public holidays in Poland (ustawa o dniach wolnych od pracy): no scheduled service on them.
 * Recurring rides skip them (issue #5). Christmas Eve is a holiday from 2025 on.
 */

/** Easter Sunday (Gregorian), by the Meeus/Jones/Butcher algorithm: [month 1–12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The year's public holidays as "YYYY-MM-DD" with their Polish names. */
export function polishHolidays(year: number): Map<string, string> {
  const fixed: [number, number, string][] = [
    [1, 1, 'Nowy Rok'],
    [1, 6, 'Trzech Króli'],
    [5, 1, 'Święto Pracy'],
    [5, 3, 'Święto Konstytucji 3 Maja'],
    [8, 15, 'Wniebowzięcie Najświętszej Maryi Panny'],
    [11, 1, 'Wszystkich Świętych'],
    [11, 11, 'Narodowe Święto Niepodległości'],
    [12, 25, 'Boże Narodzenie (pierwszy dzień)'],
    [12, 26, 'Boże Narodzenie (drugi dzień)'],
  ];
  if (year >= 2025) fixed.push([12, 24, 'Wigilia Bożego Narodzenia']);
  const days = new Map<string, string>();
  for (const [m, d, name] of fixed) days.set(iso(new Date(Date.UTC(year, m - 1, d))), name);
  const [em, ed] = easterSunday(year);
  const easterOffset = (offset: number, name: string) => days.set(iso(new Date(Date.UTC(year, em - 1, ed + offset))), name);
  easterOffset(0, 'Wielkanoc');
  easterOffset(1, 'Poniedziałek Wielkanocny');
  easterOffset(49, 'Zielone Świątki');
  easterOffset(60, 'Boże Ciało');
  return days;
}

const cache = new Map<number, Map<string, string>>();

/** The holiday's name when "YYYY-MM-DD" is a public holiday, else null. */
export function polishHolidayOn(date: string): string | null {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) cache.set(year, (days = polishHolidays(year)));
  return days.get(date) ?? null;
}
