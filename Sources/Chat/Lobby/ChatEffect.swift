/// What the glue must do after a ``Lobby/handle(_:now:rng:)`` call, in order.
public enum ChatEffect: Sendable, Equatable {
    /// Send the same bytes, as one text frame, to each client (encode the frame once, share it).
    case send(EncodedMessage, to: [ClientID])
    /// Close a client's connection (after sending what came before this effect).
    case close(ClientID, ChatCloseReason)
    /// A room ended and consent allows a transcript: store it, then feed back
    /// ``ChatInput/transcriptStored(_:)`` (protocol §8). Never emitted without consent.
    case roomEnded(RoomEnding)
    /// A report was filed: keep it for staff review (protocol §10).
    case reportFiled(ReportFiling)
    /// A report filed since start-up was resolved and both sides were told: record the resolution.
    case reportResolved(ResolvedReport)
    /// A facilitator resolved a report the chat does not hold (filed before a restart): resolve it in
    /// the store, then feed back ``ChatInput/storedReportResolved(_:)`` with the same `reply`.
    case resolveStoredReport(ResolvedReport, reply: ReplyAddress)
}

/// Why the chat closes a connection.
public enum ChatCloseReason: String, Sendable, Equatable {
    /// The same peer resumed on a newer connection, which takes over.
    case resumedElsewhere = "resumed elsewhere"

    /// The WebSocket close code to use (RFC 6455 §7.4.1: 1008, policy).
    public var closeCode: UInt16 { 1008 }
}

/// A safety report, for the store and staff review.
public struct ReportFiling: Sendable, Equatable {
    /// The report's id.
    public var report: ReportID
    /// Who reported.
    public var reporter: PeerID
    /// Their display name.
    public var reporterName: String
    /// Where.
    public var room: RoomID
    /// The reported message, when it is still kept.
    public var message: ChatMessage?
    /// The reporter's words.
    public var reason: String
    /// Wall-clock time of the report, milliseconds since 1970.
    public var at: Int64
}
