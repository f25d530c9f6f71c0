import Chat

/// Where the chat's side effects that are not frames go: transcripts and reports.
///
/// Each method is called on the domain thread and must not block it: a sink that writes to disk hands
/// the work to its own thread, and answers by calling `feed` (from any thread) with an input for the chat.
/// The discarding sink keeps nothing, which is right for a deployment (or a test) without a store:
/// nothing from a conversation reaches disk.
public protocol ChatEffectSink: Sendable {
    /// A room ended with consent for a transcript (protocol §8); feed back `.transcriptStored`.
    func roomEnded(_ ending: RoomEnding, feed: @escaping @Sendable (ChatInput) -> Void)
    /// A report was filed (protocol §10).
    func reportFiled(_ report: ReportFiling)
    /// A report the chat still held was resolved: keep the outcome.
    func reportResolved(_ resolution: ResolvedReport)
    /// A report the chat no longer holds (filed before a restart) is to be resolved: look it up, resolve
    /// it, and feed back `.storedReportResolved` so the facilitator and the reporter hear the result.
    func resolveStoredReport(_ resolution: ResolvedReport, reply: ReplyAddress, feed: @escaping @Sendable (ChatInput) -> Void)
}

/// The sink of a deployment that keeps nothing.
public struct DiscardingEffectSink: ChatEffectSink {
    public init() {}
    public func roomEnded(_ ending: RoomEnding, feed: @escaping @Sendable (ChatInput) -> Void) {}
    public func reportFiled(_ report: ReportFiling) {}
    public func reportResolved(_ resolution: ResolvedReport) {}
    public func resolveStoredReport(_ resolution: ResolvedReport, reply: ReplyAddress, feed: @escaping @Sendable (ChatInput) -> Void) {
        feed(.storedReportResolved(StoredReportOutcome(report: resolution.report, reply: reply, result: .notFound)))
    }
}
