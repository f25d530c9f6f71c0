/// Reports of a message, kept for staff review (protocol §10, `GET /api/reports`).
extension DataStore {
    /// Keeps a report with a copy of the reported message; `id` is the chat's `rep_…` id (a new one when nil).
    public func saveReport(id: String? = nil, message: ReportedMessage, reporterPeer: String, reporterName: String,
                           reason: String, now: WallTime) throws -> Report {
        let report = Report(id: id ?? Sealing.makeID(prefix: "rep_"), message: message, reporterPeer: reporterPeer,
                            reporterName: reporterName, reason: reason, created: now, resolution: nil)
        try database.run("INSERT INTO reports (id, room, seq, created_ms, resolved_ms, sealed) VALUES (?, ?, ?, ?, NULL, ?)",
                         .text(report.id), .text(message.room), .integer(Int64(message.seq)),
                         .integer(now.milliseconds), .blob(try seal(report)))
        return report
    }

    /// Reports, oldest first; open ones only unless `includeResolved`.
    public func listReports(includeResolved: Bool = true) throws -> [Report] {
        let rows = try database.rows("""
            SELECT id, room, seq, created_ms, sealed FROM reports WHERE ? OR resolved_ms IS NULL ORDER BY created_ms, id
            """, .integer(includeResolved ? 1 : 0), map: Self.sealedReport)
        return try rows.map { row throws(StoreError) in try open(row) }
    }

    /// One report by id.
    public func report(id: String) throws -> Report? {
        try database.firstRow("SELECT id, room, seq, created_ms, sealed FROM reports WHERE id = ?", .text(id),
                              map: Self.sealedReport).map { row throws(StoreError) in try open(row) }
    }

    /// Closes an open report with an outcome; a report is resolved once.
    public func resolveReport(id: String, outcome: String, resolverName: String, resolverRole: String,
                              now: WallTime) throws -> ReportResolveOutcome {
        try database.transaction {
            guard let current = try report(id: id) else { return .notFound }
            guard current.resolution == nil else { return .alreadyResolved(current) }
            let resolved = Report(id: current.id, message: current.message, reporterPeer: current.reporterPeer,
                                  reporterName: current.reporterName, reason: current.reason, created: current.created,
                                  resolution: ReportResolution(outcome: outcome, resolverName: resolverName,
                                                               resolverRole: resolverRole, at: now))
            try database.run("UPDATE reports SET resolved_ms = ?, sealed = ? WHERE id = ?",
                             .integer(now.milliseconds), .blob(try seal(resolved)), .text(id))
            return .resolved(resolved)
        }
    }

    private typealias SealedReport = (id: String, room: String, seq: Int, created: WallTime, sealed: [UInt8])

    private static func sealedReport(_ row: Statement) -> SealedReport? {
        (row.text(0), row.text(1), Int(row.integer(2)), WallTime(milliseconds: row.integer(3)), row.blob(4))
    }

    private func seal(_ report: Report) throws(StoreError) -> [UInt8] {
        try Sealing.sealReport(ReportCodec.encode(report), id: report.id, masterKey: requireMasterKey())
    }

    private func open(_ row: SealedReport) throws(StoreError) -> Report {
        let plaintext = try Sealing.openReport(row.sealed, id: row.id, masterKey: requireMasterKey())
        return try ReportCodec.decode(plaintext, id: row.id, room: row.room, seq: row.seq, created: row.created)
    }
}
