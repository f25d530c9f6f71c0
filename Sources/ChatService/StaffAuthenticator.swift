import HTTP
import Store

/// Turns `Authorization: Bearer …` into a signed-in staff member, on the store thread.
struct StaffAuthenticator: Sendable {
    let worker: StoreWorker

    /// The bearer token of a request, if it carries one.
    static func bearerToken(_ head: HTTPRequestHead) -> String? {
        guard let value = head.headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: " \t")
        return token.isEmpty ? nil : token
    }

    /// Calls `then` on the store thread with the member, or answers 401/403 itself when the token is
    /// missing, unknown, expired, or its role is not among `roles`.
    func require(_ roles: Set<StaffRole>, for head: HTTPRequestHead,
                 respond: @escaping @Sendable (HTTPResponse) -> Void,
                 then: @escaping @Sendable (DataStore, StaffMember) throws -> HTTPResponse) {
        guard let token = Self.bearerToken(head) else { return respond(APIResponse.unauthorized) }
        worker.perform({ store -> HTTPResponse in
            guard let member = try store.resolve(token: token, now: .now()) else { return APIResponse.unauthorized }
            guard roles.contains(member.role) else { return APIResponse.forbidden }
            return try then(store, member)
        }, completion: { result in
            respond((try? result.get()) ?? APIResponse.internalError)
        })
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
