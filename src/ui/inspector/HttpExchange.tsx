const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error' }

export interface ShownRequest { verb: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; clientCertificate?: { subject: string; issuer: string }; body?: unknown }
export interface ShownResponse { code: number; body?: unknown; warnings?: string[] }

/** The HTTP exchange of a step as it went over the wire (credentials already redacted by the engine). */
export function HttpExchange({ request, response }: { request?: ShownRequest; response?: ShownResponse }) {
  const query = request?.query && Object.keys(request.query).length ? `?${new URLSearchParams(request.query).toString()}` : ''
  return (
    <div className="http">
      {request && (
        <section aria-label="Request">
          <p className="http-line"><strong>{request.verb}</strong> {request.path}{query}</p>
          {request.clientCertificate && <p className="muted">client certificate: {request.clientCertificate.subject} (issuer {request.clientCertificate.issuer})</p>}
          {request.headers && (
            <table className="http-headers"><tbody>
              {Object.entries(request.headers).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
            </tbody></table>
          )}
          {request.body !== undefined && <details><summary>Request body</summary><pre>{JSON.stringify(request.body, null, 2)}</pre></details>}
        </section>
      )}
      {response && (
        <section aria-label="Response">
          <p className={`http-line ${response.code >= 400 ? 'bad' : 'good'}`}><strong>{response.code} {STATUS_TEXT[response.code] ?? ''}</strong></p>
          {(response.warnings ?? []).map((w) => <p key={w} className="warning-line">Warning: {w}</p>)}
          {response.body !== undefined && <details><summary>Response body</summary><pre>{JSON.stringify(response.body, null, 2)}</pre></details>}
        </section>
      )}
    </div>
  )
}
