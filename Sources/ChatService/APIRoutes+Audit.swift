import Chat
import Crypto
import HTTP
import Store

extension APIRoutes {
    /// `GET /api/audit` (admins): the chained log of transcript reads, and whether the chain holds.
    func listAudit(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        authenticator.require([.admin], for: request.head, respond: respond) { store, _ in
            let entries = try store.listAudit()
            let status = try store.verifyAuditChain()
            return APIResponse.json { writer in
                writer.beginObject()
                writer.key("entries")
                writer.beginArray()
                for entry in entries {
                    writer.beginObject()
                    writer.key("id"); writer.int(Int(entry.id))
                    writer.key("at"); writer.timestamp(milliseconds: entry.at.milliseconds)
                    writer.key("actor"); writer.string(entry.actorName)
                    writer.key("role"); writer.string(entry.actorRole)
                    writer.key("action"); writer.string(entry.action)
                    writer.key("target"); writer.string(entry.subject)
                    writer.key("prev"); writer.string(Hex.encode(entry.previousHash))
                    writer.key("hash"); writer.string(Hex.encode(entry.hash))
                    writer.endObject()
                }
                writer.endArray()
                writer.key("verified")
                if case .intact = status { writer.bool(true) } else { writer.bool(false) }
                writer.endObject()
            }
        }
    }
}
