/// A facilitator's resolution of a report, for the store (protocol §10).
public struct ResolvedReport: Sendable, Equatable {
    /// The report.
    public var report: ReportID
    /// The outcome told to the reporter.
    public var outcome: String
    /// Who resolved it (already checked to be a facilitator or admin).
    public var resolver: PeerID
    /// Their display name.
    public var resolverName: String
    /// Their role.
    public var resolverRole: PeerRole
    /// Wall-clock time, milliseconds since 1970.
    public var at: Int64
}

/// Where a deferred answer goes: the connection and `ref` of the request that is waiting for it.
public struct ReplyAddress: Sendable, Equatable {
    /// The requester's connection when they asked.
    public var client: ClientID
    /// Who asked (the answer is dropped if the connection now speaks for someone else).
    public var peer: PeerID
    /// The request's `ref`.
    public var ref: String?

    /// An address for a deferred answer.
    public init(client: ClientID, peer: PeerID, ref: String?) {
        self.client = client
        self.peer = peer
        self.ref = ref
    }
}

/// What the store said about a report the chat no longer held.
public struct StoredReportOutcome: Sendable, Equatable {
    /// What happened.
    public enum Result: Sendable, Equatable {
        /// Resolved now: the reporter hears `outcome` if connected.
        case resolved(reporter: PeerID, outcome: String)
        /// Someone resolved it first; their outcome stands.
        case alreadyResolved
        /// No report with that id.
        case notFound
    }

    /// The report asked about.
    public var report: ReportID
    /// The request waiting for the answer, as given in the effect.
    public var reply: ReplyAddress
    /// The store's answer.
    public var result: Result

    /// The store's answer about `report`.
    public init(report: ReportID, reply: ReplyAddress, result: Result) {
        self.report = report
        self.reply = reply
        self.result = result
    }
}
