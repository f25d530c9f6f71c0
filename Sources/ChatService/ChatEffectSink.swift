import Chat

/// Where the chat's side effects that are not frames go: transcripts and reports.
///
/// Each method is called on the domain thread and must not block it: a sink that writes to disk hands
/// the work to its own thread. The default drops the effect, which is right for a deployment (or a
/// test) without a store: nothing from a conversation reaches disk.
public protocol ChatEffectSink: Sendable {
    /// A room ended; a transcript may be due (protocol §8).
    func roomEnded(_ ending: RoomEnding)
    /// A report was filed (protocol §10).
    func reportFiled(_ report: ReportFiling)
}

/// The sink of a deployment that keeps nothing.
public struct DiscardingEffectSink: ChatEffectSink {
    public init() {}
    public func roomEnded(_ ending: RoomEnding) {}
    public func reportFiled(_ report: ReportFiling) {}
}
