import { Router } from 'express';

/**
 * What a person sees at the root: the service is up and where to go next. The web app for
 * caseworkers, dispatchers and drivers is at /app/ (issue #6).
 */
export function homeRoutes(): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dowóz</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}code{background:#eee;padding:0 .2rem}</style>
</head><body>
<h1>Dowóz</h1>
<p>Planowanie przewozów door-to-door dla centrum usług społecznych. Serwis działa.
<br><small lang="en">Door-to-door transport planning for a social services centre. The service is running.</small></p>
<p><a href="/app/"><strong>Otwórz aplikację</strong></a> — dyspozytor, rezerwacja, kierowca
<br><small lang="en"><a href="/app/">Open the web app</a> — dispatcher, booking, driver</small></p>
<h2>API <small>(JSON)</small></h2>
<ul>
<li><code>GET /api/v1/rides?date=RRRR-MM-DD</code> — przejazdy dnia / the day's rides</li>
<li><code>POST /api/v1/plans {"date": "RRRR-MM-DD"}</code> — zaplanuj dzień / plan the day</li>
<li><code>GET /api/v1/plans/:id</code> — stan planu, trasy, nieprzydzielone / plan status, routes, unassigned</li>
<li><code>GET /api/v1/manifests/:date/:vehicleId?format=html</code> — karta drogowa kierowcy / driver's manifest</li>
<li><code>GET /api/v1/clients</code>, <code>/places</code>, <code>/vehicles</code></li>
<li><a href="/ready">/ready</a> — baza danych i Redis / database and Redis</li>
</ul>
</body></html>`);
  });
  return r;
}
