/**
 * Polish first, English on request (issue #6). One flat dictionary per language; a missing English
 * entry is a type error, so the two never drift apart.
 */
const pl = {
  skip: 'Przejdź do treści',
  navLabel: 'Widoki',
  navBoard: 'Dyspozytor',
  navBooking: 'Rezerwacja',
  navDriver: 'Kierowca',
  switchTo: 'English',
  switchToLabel: 'Switch to English',
  loading: 'Wczytywanie…',
  error: 'Błąd',
  // day board
  boardTitle: 'Plan dnia',
  day: 'Dzień',
  rides: 'Przejazdy',
  filter: 'Szukaj (klient, miejsce)',
  noRides: 'Brak przejazdów tego dnia.',
  ridesShown: '{shown} z {total} przejazdów',
  colTime: 'Godzina',
  colClient: 'Klient',
  colRoute: 'Skąd → dokąd',
  colNeeds: 'Potrzeby',
  colStatus: 'Status',
  arriveBy: 'na {time}',
  departAfter: 'od {time}',
  statusREQUESTED: 'zamówiony',
  statusSCHEDULED: 'zaplanowany',
  statusCANCELLED: 'odwołany',
  statusAPPROVED: 'zatwierdzony',
  statusTURNED_DOWN: 'odrzucony',
  wheelchair: 'wózek',
  assistant: 'opiekun',
  planDay: 'Zaplanuj dzień',
  planProgress: 'Postęp planowania',
  planQUEUED: 'W kolejce…',
  planRUNNING: 'Planowanie… {progress}%',
  planRunningSpoken: 'Planowanie…',
  planDONE: 'Plan gotowy (wersja {revision})',
  planFAILED: 'Planowanie nie powiodło się: {error}',
  planStreamLost: 'Utracono połączenie z serwerem; odśwież stronę.',
  summary: 'Przydzielono {placed}, nieprzydzielone {unassigned}; pojazdy: {vehicles}; {km} km',
  estimate: 'Uwaga: czasy przejazdu są szacunkowe.',
  map: 'Mapa tras',
  mapTilesMissing: 'Podkład mapy jest niedostępny — trasy i przystanki widać bez tła.',
  legend: 'Pojazdy',
  timeline: 'Harmonogram pojazdów',
  stopsOf: 'Przystanki: {vehicle}',
  pickup: 'odbiór',
  dropoff: 'wysadzenie',
  unassigned: 'Nieprzydzielone przejazdy',
  noUnassigned: 'Wszystkie przejazdy przydzielone.',
  manifestLink: 'Karta drogowa',
  printable: 'Wersja do druku',
  // driver
  driverTitle: 'Karta drogowa kierowcy',
  vehicle: 'Pojazd',
  chooseVehicle: 'Wybierz pojazd',
  noPlan: 'Brak gotowego planu dla tego pojazdu i dnia.',
  nextStop: 'Następny przystanek',
  laterStops: 'Kolejne przystanki',
  noStops: 'Ten pojazd nie ma dziś przejazdów.',
  call: 'Zadzwoń: {phone}',
  navigate: 'Nawiguj',
  appointment: 'wizyta {time}',
  departDepot: 'Wyjazd z bazy {time}, powrót {back}',
  // booking
  bookingTitle: 'Rezerwacja przejazdu',
  client: 'Klient',
  clientHint: 'Wpisz co najmniej 2 litery nazwiska lub imienia',
  noClients: 'Nie znaleziono klienta.',
  home: 'Adres domowy',
  destination: 'Dokąd',
  chooseDestination: 'Wybierz miejsce',
  timeKind: 'Czas',
  arriveByLabel: 'Przyjazd na godzinę',
  departAfterLabel: 'Wyjazd po godzinie',
  time: 'Godzina',
  returnRide: 'Przejazd powrotny',
  returnAfter: 'Powrót po godzinie',
  needs: 'Potrzeby',
  notes: 'Uwagi dla kierowcy',
  book: 'Zarezerwuj',
  booked: 'Zarezerwowano',
  outbound: 'Tam',
  back: 'Powrót',
  fixFields: 'Popraw zaznaczone pola.',
  chooseClient: 'wybierz klienta z listy',
} as const;

export type MessageKey = keyof typeof pl;

const en: Record<MessageKey, string> = {
  skip: 'Skip to content',
  navLabel: 'Views',
  navBoard: 'Dispatcher',
  navBooking: 'Booking',
  navDriver: 'Driver',
  switchTo: 'Polski',
  switchToLabel: 'Przełącz na polski',
  loading: 'Loading…',
  error: 'Error',
  boardTitle: 'Day plan',
  day: 'Day',
  rides: 'Rides',
  filter: 'Search (client, place)',
  noRides: 'No rides on this day.',
  ridesShown: '{shown} of {total} rides',
  colTime: 'Time',
  colClient: 'Client',
  colRoute: 'From → to',
  colNeeds: 'Needs',
  colStatus: 'Status',
  arriveBy: 'by {time}',
  departAfter: 'after {time}',
  statusREQUESTED: 'requested',
  statusSCHEDULED: 'scheduled',
  statusCANCELLED: 'cancelled',
  statusAPPROVED: 'approved',
  statusTURNED_DOWN: 'turned down',
  wheelchair: 'wheelchair',
  assistant: 'assistant',
  planDay: 'Plan the day',
  planProgress: 'Planning progress',
  planQUEUED: 'Queued…',
  planRUNNING: 'Planning… {progress}%',
  planRunningSpoken: 'Planning…',
  planDONE: 'Plan ready (revision {revision})',
  planFAILED: 'Planning failed: {error}',
  planStreamLost: 'Lost the connection to the server; reload the page.',
  summary: 'Placed {placed}, unassigned {unassigned}; vehicles: {vehicles}; {km} km',
  estimate: 'Note: travel times are estimates.',
  map: 'Route map',
  mapTilesMissing: 'The map background is unavailable — routes and stops are shown without it.',
  legend: 'Vehicles',
  timeline: 'Vehicle timelines',
  stopsOf: 'Stops: {vehicle}',
  pickup: 'pickup',
  dropoff: 'drop-off',
  unassigned: 'Unassigned rides',
  noUnassigned: 'Every ride is assigned.',
  manifestLink: 'Manifest',
  printable: 'Printable version',
  driverTitle: 'Driver’s manifest',
  vehicle: 'Vehicle',
  chooseVehicle: 'Choose a vehicle',
  noPlan: 'No finished plan for this vehicle and day.',
  nextStop: 'Next stop',
  laterStops: 'Later stops',
  noStops: 'This vehicle has no rides today.',
  call: 'Call: {phone}',
  navigate: 'Navigate',
  appointment: 'appointment {time}',
  departDepot: 'Leave the depot {time}, back {back}',
  bookingTitle: 'Book a ride',
  client: 'Client',
  clientHint: 'Type at least 2 letters of the surname or first name',
  noClients: 'No client found.',
  home: 'Home address',
  destination: 'To',
  chooseDestination: 'Choose a place',
  timeKind: 'Time',
  arriveByLabel: 'Arrive by',
  departAfterLabel: 'Depart after',
  time: 'Time',
  returnRide: 'Return ride',
  returnAfter: 'Return after',
  needs: 'Needs',
  notes: 'Notes for the driver',
  book: 'Book',
  booked: 'Booked',
  outbound: 'Outbound',
  back: 'Return',
  fixFields: 'Correct the marked fields.',
  chooseClient: 'choose a client from the list',
};

export type Lang = 'pl' | 'en';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { pl, en };
const STORAGE_KEY = 'dowoz.lang';

let current: Lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'pl';

export const lang = (): Lang => current;

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The message in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A ride status in words; a status this page does not know yet is shown as the API names it. */
export function rideStatusText(status: string): string {
  const key = `status${status}`;
  return key in pl ? t(key as MessageKey) : status;
}

/** Picks the current language's text from the API's Polish/English pairs. */
export const pick = (pair: { pl: string; en: string }): string => pair[current];
