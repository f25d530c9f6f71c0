import Chat
import HTTP
import Store

extension APIRoutes {
    /// `GET /api/transcripts` (workers, admins): what exists, without content (listing is not a read).
    func listTranscripts(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        authenticator.require([.worker, .admin], for: request.head, respond: respond) { store, _ in
            let summaries = try store.listTranscripts(now: .now())
            return APIResponse.json { writer in
                writer.beginObject()
                writer.key("transcripts")
                writer.beginArray()
                for summary in summaries {
                    writer.beginObject()
                    writer.key("transcript"); writer.string(summary.id)
                    writer.key("room"); writer.string(summary.room)
                    writer.key("kind"); writer.string(summary.kind.rawValue)
                    writer.key("created"); writer.timestamp(milliseconds: summary.created.milliseconds)
                    writer.key("expires"); writer.timestamp(milliseconds: summary.expires.milliseconds)
                    writer.key("messages"); writer.int(summary.entryCount)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
        }
    }

    /// `GET /api/transcripts/{id}` (workers, admins): one transcript; the store writes the audit entry in
    /// the same transaction as the read, so there is no read without its record.
    func readTranscript(_ id: String, _ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        authenticator.require([.worker, .admin], for: request.head, respond: respond) { store, member in
            guard let transcript = try store.readTranscript(id: id, by: member, now: .now()) else {
                return APIResponse.error(.notFound, "not_found", "There is no such transcript (it may have been taken back or expired).")
            }
            return APIResponse.json { Self.write(transcript, into: &$0) }
        }
    }

    /// `GET /api/receipts/{receipt}`: the participant's view: the transcript and who read it, when.
    func readReceipt(_ receipt: String, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        worker.perform({ store -> HTTPResponse in
            guard let view = try store.readByReceipt(receipt, now: .now()) else { return Self.invalidReceipt }
            return APIResponse.json { writer in
                writer.beginObject()
                writer.key("transcript"); Self.write(view.transcript, into: &writer)
                writer.key("access")
                writer.beginArray()
                for access in view.accessLog {
                    writer.beginObject()
                    writer.key("at"); writer.timestamp(milliseconds: access.at.milliseconds)
                    writer.key("name"); writer.string(access.name)
                    writer.key("role"); writer.string(access.role)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
        }, completion: { respond($0.get(or: APIResponse.internalError)) })
    }

    /// `DELETE /api/receipts/{receipt}`: takes consent back for good (pair: the transcript; group: your lines).
    func revokeReceipt(_ receipt: String, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        worker.perform({ store -> HTTPResponse in
            let scope: String
            switch try store.revoke(receipt: receipt, now: .now()) {
            case .deleted: scope = "transcript"
            case .redacted: scope = "messages"
            case .notFound: return Self.invalidReceipt
            }
            return APIResponse.json { writer in
                writer.beginObject()
                writer.key("revoked"); writer.bool(true)
                writer.key("scope"); writer.string(scope)
                writer.endObject()
            }
        }, completion: { respond($0.get(or: APIResponse.internalError)) })
    }

    static let invalidReceipt = APIResponse.error(.notFound, "invalid_receipt",
                                                  "This receipt does not open anything: it may have been taken back, or the transcript has expired.")

    static func write(_ transcript: Transcript, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("transcript"); writer.string(transcript.id)
        writer.key("room"); writer.string(transcript.room)
        writer.key("kind"); writer.string(transcript.kind.rawValue)
        writer.key("created"); writer.timestamp(milliseconds: transcript.created.milliseconds)
        writer.key("expires"); writer.timestamp(milliseconds: transcript.expires.milliseconds)
        writer.key("participants")
        writer.beginArray()
        for participant in transcript.participants {
            writer.beginObject()
            writer.key("peer"); writer.string(participant.peer)
            writer.key("name"); writer.string(participant.name)
            writer.key("consented"); writer.bool(participant.consented)
            writer.endObject()
        }
        writer.endArray()
        writer.key("messages")
        writer.beginArray()
        for entry in transcript.entries {
            writer.beginObject()
            switch entry {
            case .message(let message):
                writer.key("seq"); writer.int(message.seq)
                writer.key("from"); writer.string(message.from)
                writer.key("name"); writer.string(message.name)
                writer.key("role"); writer.string(message.role)
                writer.key("text"); writer.string(message.text)
                writer.key("at"); writer.timestamp(milliseconds: message.at.milliseconds)
            case .redacted(let seq):
                writer.key("seq"); writer.int(seq)
                writer.key("redacted"); writer.bool(true)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
