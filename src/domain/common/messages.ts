/**
 * Validation messages our schemas name by key, in Polish (the users' language) and English.
 * Generic rules (type, length, enum) are worded by zod's own Polish and English locales.
 */
export const messages = {
  'date.format': { pl: 'data w formacie RRRR-MM-DD', en: 'a date as YYYY-MM-DD' },
  'date.invalid': { pl: 'taka data nie istnieje', en: 'no such date' },
  'time.format': { pl: 'godzina w formacie GG:MM (00:00–23:59)', en: 'a time as HH:MM (00:00–23:59)' },
  'lat.range': { pl: 'szerokość geograficzna od -90 do 90', en: 'latitude between -90 and 90' },
  'lon.range': { pl: 'długość geograficzna od -180 do 180', en: 'longitude between -180 and 180' },
  'phone.format': { pl: 'numer telefonu: cyfry, spacje, +, -, od 9 znaków', en: 'a phone number: digits, spaces, +, -, at least 9 characters' },
  'shift.order': { pl: 'koniec zmiany musi być po jej początku', en: 'the shift must end after it starts' },
  'ride.oneTime': { pl: 'podaj dokładnie jedno: godzinę przyjazdu (arriveBy) albo wyjazdu (departAfter)', en: 'give exactly one of arriveBy and departAfter' },
  'ride.samePlace': { pl: 'miejsce docelowe musi różnić się od miejsca startu', en: 'the destination must differ from the origin' },
  'ride.returnAfter': { pl: 'powrót musi być po godzinie przejazdu w tamtą stronę', en: 'the return must be after the outbound time' },
  'idempotency.key': { pl: 'klucz Idempotency-Key: 8–100 znaków (litery, cyfry, _ . : -)', en: 'Idempotency-Key: 8–100 characters (letters, digits, _ . : -)' },
  'weekdays.unique': { pl: 'każdy dzień tygodnia tylko raz (1 = poniedziałek … 7 = niedziela)', en: 'each weekday once (1 = Monday … 7 = Sunday)' },
  'pattern.endBeforeStart': { pl: 'koniec nie może być przed początkiem', en: 'the end cannot be before the start' },
  'boundary.ring': { pl: 'pierścień wielokąta musi się zamykać (pierwszy punkt = ostatni)', en: 'a polygon ring must close (first point = last)' },
  'exclusion.bedridden': { pl: 'usługa nie obejmuje osób leżących — to nie jest transport medyczny', en: 'the service does not carry bedridden people — it is not medical transport' },
  'exclusion.stairs': { pl: 'kierowca nie wnosi ani nie znosi pasażerów po schodach', en: 'drivers do not carry passengers up or down stairs' },
  'exclusion.medical': { pl: 'to nie jest transport medyczny (karetka, transport sanitarny)', en: 'this is not medical transport (ambulance, patient transport)' },
  'suspension.order': { pl: 'zawieszenie musi mieć początek przed końcem i powód', en: 'a suspension needs a start before its end, and a reason' },
  'noShowPolicy.order': { pl: 'zawieszenie (suspendAfter) nie może przyjść przed ostrzeżeniem (warnAfter)', en: 'suspension (suspendAfter) cannot come before the warning (warnAfter)' },
  'vehicles.unique': { pl: 'każdy pojazd tylko raz', en: 'each vehicle once' },
  'period.order': { pl: 'koniec okresu nie może być przed początkiem', en: 'the period cannot end before it starts' },
  'period.tooLong': { pl: 'okres najwyżej 92 dni', en: 'a period of at most 92 days' },
  'period.tooLongYear': { pl: 'okres najwyżej 366 dni', en: 'a period of at most 366 days' },
  'rides.query': { pl: 'podaj dzień (date) albo klienta i okres (clientId, from, to)', en: 'give a day (date), or a client and a period (clientId, from, to)' },
  'vehicle.capacity': { pl: 'pojazd musi mieć co najmniej jedno miejsce', en: 'a vehicle needs at least one place' },
  'delay.range': { pl: 'opóźnienie: liczba całkowita minut od 1 do 600 (10 godzin)', en: 'the delay: whole minutes from 1 to 600 (10 hours)' },
  'delay.required': { pl: 'podaj, ile minut opóźnienia (delayMin)', en: 'give how many minutes late (delayMin)' },
  'delay.onlyDelayed': { pl: 'minuty opóźnienia (delayMin) podaje się tylko przy zgłoszeniu opóźnienia (DELAYED)', en: 'delayMin goes with a delay report (DELAYED) only' },
  'update.empty': { pl: 'podaj co najmniej jedno pole do zmiany', en: 'give at least one field to change' },
} as const satisfies Record<string, { pl: string; en: string }>;

export type MessageKey = keyof typeof messages;
