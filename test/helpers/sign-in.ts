/**
 * A browser's session for tests that need a signed-in person rather than an API token (API
 * tokens carry no user: a caseworker's own caseload, /auth/me). Signs in through
 * POST /auth/login, keeps the cookie and sends the CSRF token on changes; answers in the same
 * shape as apiFor's.
 */
export async function signIn(baseUrl: string, login: string, password: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: json, text, bytes, headers: res.headers };
  };
  const login_ = await call('POST', '/auth/login', { login, password });
  if (login_.status !== 200) throw new Error(`sign in as ${login}: ${login_.status} ${login_.text}`);
  csrf = login_.body.csrfToken;
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}
