import Chat
import HTTP
import Server
import Store

/// The HTTP API of protocol §11 (`/api/…`): staff sign-in, reports, transcripts, receipts and the audit
/// log. Every answer is computed on the store thread; loops only hand requests over.
///
/// Requests that are not for `/api/` go to `fallback` (the executable's `/metrics`).
public final class APIRoutes: HTTPRequestHandler, @unchecked Sendable {
    let worker: StoreWorker
    let authenticator: StaffAuthenticator
    let delays = DelayedCalls()
    let chat: ChatService?
    private let fallback: (any HTTPRequestHandler)?

    /// Routes backed by `worker`; `chat` (when serving) hears about reports resolved over HTTP.
    public init(worker: StoreWorker, chat: ChatService?, fallback: (any HTTPRequestHandler)?) {
        self.worker = worker
        self.authenticator = StaffAuthenticator(worker: worker)
        self.chat = chat
        self.fallback = fallback
    }

    /// Stops the timer thread used for slowed answers.
    public func stop() { delays.stop() }

    public func handle(_ request: HTTPRequest, peer: PeerAddress, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        let path = request.head.path
        guard path.hasPrefix("/api/") else {
            if let fallback { return fallback.handle(request, peer: peer, respond: respond) }
            return respond(APIResponse.notFound)
        }
        let segments = path.dropFirst("/api/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let method = request.head.method
        switch (segments.first ?? "", segments.count) {
        case ("login", 1):
            guard method == "POST" else { return respond(APIResponse.methodNotAllowed("POST")) }
            login(request, peer: peer, respond: respond)
        case ("logout", 1):
            guard method == "POST" else { return respond(APIResponse.methodNotAllowed("POST")) }
            logout(request, respond: respond)
        case ("me", 1):
            guard method == "GET" else { return respond(APIResponse.methodNotAllowed("GET")) }
            me(request, respond: respond)
        case ("reports", 1):
            guard method == "GET" else { return respond(APIResponse.methodNotAllowed("GET")) }
            listReports(request, respond: respond)
        case ("reports", 3) where segments[2] == "resolve":
            guard method == "POST" else { return respond(APIResponse.methodNotAllowed("POST")) }
            resolveReport(segments[1], request, respond: respond)
        case ("transcripts", 1):
            guard method == "GET" else { return respond(APIResponse.methodNotAllowed("GET")) }
            listTranscripts(request, respond: respond)
        case ("transcripts", 2):
            guard method == "GET" else { return respond(APIResponse.methodNotAllowed("GET")) }
            readTranscript(segments[1], request, respond: respond)
        case ("receipts", 2):
            switch method {
            case "GET": readReceipt(segments[1], respond: respond)
            case "DELETE": revokeReceipt(segments[1], respond: respond)
            default: respond(APIResponse.methodNotAllowed("GET, DELETE"))
            }
        case ("audit", 1):
            guard method == "GET" else { return respond(APIResponse.methodNotAllowed("GET")) }
            listAudit(request, respond: respond)
        default:
            respond(APIResponse.notFound)
        }
    }

    /// The JSON object of a request body, or nil when it is not one.
    static func jsonObject(_ request: HTTPRequest) -> JSONObject? {
        try? JSONValue(parsing: request.body).objectValue
    }
}
