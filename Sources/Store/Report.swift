/// The one message a report is about, copied at report time so staff can review it (protocol §10).
public struct ReportedMessage: Sendable, Equatable {
    /// The room it was said in.
    public var room: String
    /// Its sequence number in that room.
    public var seq: Int
    /// The author's peer id.
    public var authorPeer: String
    /// The author's display name.
    public var authorName: String
    /// What they wrote.
    public var text: String
    /// When they wrote it.
    public var at: WallTime

    /// Wraps the message fields.
    public init(room: String, seq: Int, authorPeer: String, authorName: String, text: String, at: WallTime) {
        self.room = room
        self.seq = seq
        self.authorPeer = authorPeer
        self.authorName = authorName
        self.text = text
        self.at = at
    }
}

/// How a facilitator closed a report.
public struct ReportResolution: Sendable, Equatable {
    /// The outcome told to the reporter (`report_outcome.outcome`).
    public let outcome: String
    /// The display name of whoever resolved it.
    public let resolverName: String
    /// Their role.
    public let resolverRole: String
    /// When.
    public let at: WallTime
}

/// A report kept for staff review. Everything but the id, room, seq and times is sealed at rest.
public struct Report: Sendable, Equatable {
    /// `rep_…`.
    public let id: String
    /// The reported message.
    public let message: ReportedMessage
    /// The reporter's peer id (the glue sends `report_outcome` there if they are still connected).
    public let reporterPeer: String
    /// The reporter's display name.
    public let reporterName: String
    /// Why they reported it.
    public let reason: String
    /// When the report was made.
    public let created: WallTime
    /// Set once a facilitator resolves it.
    public let resolution: ReportResolution?
}

/// What resolving a report did.
public enum ReportResolveOutcome: Sendable, Equatable {
    /// Now resolved; the glue sends `report_outcome` to `report.reporterPeer`.
    case resolved(Report)
    /// Someone resolved it first; the earlier resolution stands.
    case alreadyResolved(Report)
    /// No report with that id.
    case notFound
}
