import Chat
import HTTP
import Store

extension APIRoutes {
    /// `GET /api/reports` (facilitators, workers, admins): every report with its one message.
    func listReports(_ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        authenticator.require([.facilitator, .worker, .admin], for: request.head, respond: respond) { store, _ in
            let reports = try store.listReports(includeResolved: true)
            return APIResponse.json { writer in
                writer.beginObject()
                writer.key("reports")
                writer.beginArray()
                for report in reports { Self.write(report, into: &writer) }
                writer.endArray()
                writer.endObject()
            }
        }
    }

    /// `POST /api/reports/{id}/resolve {"outcome"}` (facilitators, admins): closes the report and tells
    /// the reporter, if connected, what was done.
    func resolveReport(_ id: String, _ request: HTTPRequest, respond: @escaping @Sendable (HTTPResponse) -> Void) {
        guard let outcome = Self.jsonObject(request)?["outcome"]?.stringValue?.trimmingCharacters(in: " \n\t"),
              !outcome.isEmpty, outcome.count <= 1000
        else { return respond(APIResponse.error(.badRequest, "bad_request", "Say what was done (up to 1000 characters).")) }
        let chat = self.chat
        authenticator.require([.facilitator, .admin], for: request.head, respond: respond) { store, member in
            switch try store.resolveReport(id: id, outcome: outcome, resolverName: member.displayName,
                                           resolverRole: member.role.rawValue, now: .now()) {
            case .resolved(let report):
                chat?.reportResolved(report: report.id, reporter: report.reporterPeer, outcome: outcome)
                return APIResponse.json { Self.write(report, into: &$0) }
            case .alreadyResolved(let report):
                return APIResponse.json(.conflict) { Self.write(report, into: &$0) }
            case .notFound:
                return APIResponse.error(.notFound, "not_found", "There is no such report.")
            }
        }
    }

    static func write(_ report: Report, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("report"); writer.string(report.id)
        writer.key("room"); writer.string(report.message.room)
        writer.key("seq"); writer.int(report.message.seq)
        writer.key("reason"); writer.string(report.reason)
        writer.key("reporter")
        writer.beginObject()
        writer.key("peer"); writer.string(report.reporterPeer)
        writer.key("name"); writer.string(report.reporterName)
        writer.endObject()
        writer.key("message")
        writer.beginObject()
        writer.key("seq"); writer.int(report.message.seq)
        writer.key("from"); writer.string(report.message.authorPeer)
        writer.key("name"); writer.string(report.message.authorName)
        writer.key("text"); writer.string(report.message.text)
        writer.key("at"); writer.timestamp(milliseconds: report.message.at.milliseconds)
        writer.endObject()
        writer.key("created"); writer.timestamp(milliseconds: report.created.milliseconds)
        writer.key("status"); writer.string(report.resolution == nil ? "open" : "resolved")
        writer.key("outcome")
        if let resolution = report.resolution { writer.string(resolution.outcome) } else { writer.null() }
        writer.key("resolvedBy")
        if let resolution = report.resolution { writer.string(resolution.resolverName) } else { writer.null() }
        writer.key("resolvedAt")
        if let resolution = report.resolution { writer.timestamp(milliseconds: resolution.at.milliseconds) } else { writer.null() }
        writer.endObject()
    }
}
