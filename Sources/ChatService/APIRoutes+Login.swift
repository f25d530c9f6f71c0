import Chat
import HTTP
import Server
import Store

extension APIRoutes {
    /// `POST /api/login {"username","password"}` → `{"token","role","name","expires"}`. Failures answer
    /// 401 only after the throttle's delay, and 429 with `Retry-After` once there were too many.
    func login(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        guard let body = Self.jsonObject(request),
              let username = body["username"]?.stringValue, let password = body["password"]?.stringValue,
              !username.isEmpty, username.utf8.count <= 64, password.utf8.count <= 1024
        else { return respond(APIResponse.error(.badRequest, "bad_request", "Send your staff name and password.")) }
        let delays = self.delays
        worker.login(username: username, password: password, address: peer.hostText, now: .now()) { result in
            switch result {
            case .success(.success(let session)):
                respond(APIResponse.json { writer in
                    writer.beginObject()
                    writer.key("token"); writer.string(session.token)
                    writer.key("role"); writer.string(session.staff.role.rawValue)
                    writer.key("name"); writer.string(session.staff.displayName)
                    writer.key("expires"); writer.timestamp(milliseconds: session.expires.milliseconds)
                    writer.endObject()
                })
            case .success(.failure(let delay)):
                delays.after(delay) {
                    respond(APIResponse.error(.unauthorized, "unauthorized", "That name and password do not match."))
                }
            case .success(.tooManyAttempts(let retryAfter)):
                var response = APIResponse.error(.tooManyRequests, "rate_limited",
                                                 "Too many attempts. Please wait a little before trying again.")
                response.headers.add(name: "Retry-After", value: String(max(1, retryAfter.components.seconds)))
                respond(response)
            case .failure:
                respond(APIResponse.internalError)
            }
        }
    }

    /// `POST /api/logout` with the bearer token → 204 (also for an already-ended session).
    func logout(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        guard let token = StaffAuthenticator.bearerToken(request.head) else { return respond(APIResponse.unauthorized) }
        worker.perform({ store in try store.logout(token: token) }, completion: { result in
            respond(result.map { _ in HTTPResponse(status: .noContent) }.get(or: APIResponse.internalError))
        })
    }

    /// `GET /api/me` → `{"name","role"}` for a page checking a stored token.
    func me(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        authenticator.require(Set(StaffRole.allCases), for: request.head, respond: respond) { _, member in
            APIResponse.json { writer in
                writer.beginObject()
                writer.key("name"); writer.string(member.displayName)
                writer.key("role"); writer.string(member.role.rawValue)
                writer.endObject()
            }
        }
    }
}

extension Result {
    /// The success value, or `fallback` on failure.
    func get(or fallback: Success) -> Success {
        (try? get()) ?? fallback
    }
}
