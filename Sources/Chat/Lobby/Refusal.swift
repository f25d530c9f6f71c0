/// A request the chat turns down: becomes an `error` message with the request's `ref`.
struct Refusal: Error, Sendable, Equatable {
    let code: ChatErrorCode
    let message: String?
    /// Carried by `agreement_required` so the client can show what to agree to.
    let agreement: String?

    init(_ code: ChatErrorCode, _ message: String? = nil, agreement: String? = nil) {
        self.code = code
        self.message = message
        self.agreement = agreement
    }

    var serverMessage: ServerMessage {
        .error(code, message: message ?? code.defaultMessage, agreement: agreement)
    }
}

/// Who sent the request being handled, and the `ref` its answer echoes.
struct RequestContext: Sendable {
    let client: ClientID
    let peer: PeerID
    let ref: String?
}
