import { generateKeyPairSync } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** People the test provider knows: their login (= subject) and the name it vouches for. */
const DIRECTORY: Readonly<Record<string, { name: string; email: string }>> = {
  'karin.ek': { name: 'Karin Ek', email: 'karin.ek@kommun.example' },
  'omar.said': { name: 'Omar Said', email: 'omar.said@kommun.example' },
}

export const TEST_CLIENT = { id: 'samverkstad', secret: 'test-client-secret-of-samverkstad' }

export interface TestOidcProvider {
  /** The issuer, the address of a pass-through proxy in front of the provider (which can tamper). */
  readonly issuer: string
  /** Registers Samverkstad at `serverUrl` as the provider's client (callback and post-logout addresses). */
  register(serverUrl: string): void
  /** From now on, the token endpoint's ID tokens arrive with one signature character changed. */
  tamperIdTokens(on: boolean): void
  /** How many token requests the provider answered with an error (e.g. invalid_grant for a replayed code). */
  readonly tokenErrors: () => number
  close(): Promise<void>
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )

const readBody = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })

/** A JWT with one character of its signature changed: well-formed, but no longer what the provider signed. */
export const tamperedJwt = (jwt: string): string => {
  const [header, payload, signature = ''] = jwt.split('.')
  const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
  return `${header}.${payload}.${flipped}`
}

/**
 * `oidc-provider` (a certified OpenID provider) on loopback, with its development login form (any password)
 * and consent granted for the client, behind a proxy that can alter ID tokens on their way to the client.
 * The provider is created when the client registers, once Samverkstad's address is known.
 */
export const startTestOidcProvider = async (): Promise<TestOidcProvider> => {
  let provider: Provider | null = null
  let providerPort = 0
  const inner = createServer((req, res) => {
    if (provider === null) return res.writeHead(503).end('not registered yet')
    return provider.callback()(req, res)
  })
  providerPort = await listen(inner)
  let tamper = false
  let tokenErrors = 0
  // The proxy keeps the Host header, so the provider names its endpoints by the proxy's (the issuer's) address.
  const proxy = createServer(async (req, res) => {
    const body = await readBody(req)
    const forward = httpRequest(
      { host: '127.0.0.1', port: providerPort, method: req.method, path: req.url, headers: req.headers },
      async (answer) => {
        const isToken = req.method === 'POST' && req.url?.startsWith('/token') === true
        if (!isToken) {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          return
        }
        let text = (await readBody(answer)).toString('utf8')
        if ((answer.statusCode ?? 500) >= 400) tokenErrors++
        else if (tamper) {
          const json = JSON.parse(text) as { id_token?: string }
          if (json.id_token !== undefined) json.id_token = tamperedJwt(json.id_token)
          text = JSON.stringify(json)
        }
        const { 'content-length': _length, ...headers } = answer.headers
        res.writeHead(answer.statusCode ?? 502, headers).end(text)
      },
    )
    forward.on('error', () => res.writeHead(502).end())
    forward.end(body)
  })
  const issuer = `http://127.0.0.1:${await listen(proxy)}`
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  return {
    issuer,
    register(serverUrl) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT.id,
            client_secret: TEST_CLIENT.secret,
            redirect_uris: [`${serverUrl}/auth/callback`],
            post_logout_redirect_uris: [`${serverUrl}/`],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        cookies: { keys: ['a test key that signs the provider cookies'] },
        jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
        findAccount: async (_ctx, subject) => {
          const person = DIRECTORY[subject] ?? { name: subject, email: `${subject}@example.org` }
          return { accountId: subject, claims: async () => ({ sub: subject, ...person }) }
        },
        // A first-party client: the organisation consents for its people (no consent screen).
        loadExistingGrant: async (ctx) => {
          const { oidc } = ctx
          const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client!.clientId)
          if (existing !== undefined) return oidc.provider.Grant.find(existing)
          const grant = new oidc.provider.Grant({
            clientId: oidc.client!.clientId,
            accountId: oidc.session!.accountId!,
          })
          grant.addOIDCScope('openid profile email')
          await grant.save()
          return grant
        },
      })
    },
    tamperIdTokens(on) {
      tamper = on
    },
    tokenErrors: () => tokenErrors,
    async close() {
      await Promise.all(
        [proxy, inner].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections()
              server.close(() => resolve())
            }),
        ),
      )
    },
  }
}

const cookiesOf = (response: Response): Record<string, string> =>
  Object.fromEntries(
    response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!.split('='))
      .map(([name, ...value]) => [name!, value.join('=')]),
  )

const cookieHeader = (jar: Record<string, string>): string =>
  Object.entries(jar)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ')

export interface ProviderLogin {
  /** Where the provider sent the browser back: Samverkstad's callback with `code` and `state`. */
  readonly callbackUrl: string
  /** The `sv_login` cookie Samverkstad set when the sign-in began (what the browser would send back). */
  readonly loginCookie: string
}

/**
 * What a browser does between `GET /auth/login` and the callback, over plain HTTP: follows the redirects,
 * keeps the provider's cookies and submits its development login form as `login`. `publicUrl`: the address
 * the server names itself by (PUBLIC_URL), where the provider sends the browser back.
 */
export const loginAtProvider = async (
  serverUrl: string,
  login: string,
  returnTo = '/',
  publicUrl = serverUrl,
): Promise<ProviderLogin> => {
  const start = await fetch(`${serverUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, {
    redirect: 'manual',
  })
  if (start.status !== 302) throw new Error(`sign-in did not start: ${start.status} ${await start.text()}`)
  const loginCookie = cookiesOf(start).sv_login
  if (loginCookie === undefined) throw new Error('no sv_login cookie')
  const jar: Record<string, string> = {}
  let next = new URL(start.headers.get('location')!)
  for (let step = 0; step < 10; step++) {
    if (next.href.startsWith(`${publicUrl}/auth/callback`)) return { callbackUrl: next.href, loginCookie }
    let response = await fetch(next, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } })
    Object.assign(jar, cookiesOf(response))
    if (response.status === 200) {
      const html = await response.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
      if (action === undefined) throw new Error(`the provider showed no form: ${html.slice(0, 500)}`)
      response = await fetch(new URL(action, next), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      })
      Object.assign(jar, cookiesOf(response))
    }
    const location = response.headers.get('location')
    if (location === null)
      throw new Error(`the provider stopped at ${response.status}: ${await response.text()}`)
    next = new URL(location, next)
  }
  throw new Error('too many redirects at the provider')
}

/** Brings the browser back to the callback, as it would (with its `sv_login` cookie). */
export const returnFromProvider = (login: ProviderLogin): Promise<Response> =>
  fetch(login.callbackUrl, { redirect: 'manual', headers: { cookie: `sv_login=${login.loginCookie}` } })

/** Signs `login` in and answers with the `sv_account` cookie's value. */
export const signInAs = async (serverUrl: string, login: string): Promise<string> => {
  const back = await returnFromProvider(await loginAtProvider(serverUrl, login))
  const token = cookiesOf(back).sv_account
  if (back.status !== 302 || token === undefined)
    throw new Error(`sign-in failed: ${back.status} ${await back.text()}`)
  return token
}
