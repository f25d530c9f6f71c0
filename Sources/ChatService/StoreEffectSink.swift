import Chat
import Logging
import Store

/// Keeps what the chat asks to keep, on the store thread: reports for staff review and, with consent,
/// transcripts. Never logs message text.
public struct StoreEffectSink: ChatEffectSink {
    let worker: StoreWorker
    let retention: Duration
    let logger: Logger

    /// A sink writing through `worker`; transcripts expire after `retention`.
    public init(worker: StoreWorker, retention: Duration, logger: Logger) {
        self.worker = worker
        self.retention = retention
        self.logger = logger
    }

    public func roomEnded(_ ending: RoomEnding, feed: @escaping @Sendable (ChatInput) -> Void) {
        let (logger, retention) = (self.logger, self.retention)
        let participants = ending.participants.map { TranscriptParticipant(peer: $0.peer.rawValue, name: $0.name, consented: true) }
        let entries: [TranscriptEntry] = ending.lines.map { line in
            switch line {
            case .message(let message):
                .message(TranscriptMessage(seq: message.seq, from: message.from.rawValue, name: message.name,
                                           role: message.role.rawValue, text: message.text, at: WallTime(milliseconds: message.at)))
            case .redacted(let seq), .deleted(let seq):
                .redacted(seq: seq)
            }
        }
        let kind: TranscriptKind = ending.kind == .pair ? .pair : .group
        worker.perform({ store in
            try store.saveTranscript(room: ending.room.rawValue, kind: kind, entries: entries, participants: participants,
                                     now: WallTime(milliseconds: ending.at), retention: retention)
        }, completion: { result in
            switch result {
            case .success(let saved?):
                feed(.transcriptStored(TranscriptReceipts(
                    room: ending.room, transcript: TranscriptID(saved.id), messages: saved.entryCount,
                    receipts: saved.receipts.map { TranscriptReceipts.Receipt(peer: PeerID($0.peer), receipt: $0.receipt) })))
            case .success(nil):
                break
            case .failure(let error):
                logger.error("transcript not saved", metadata: ["error": "\(error)"])
            }
        })
    }

    public func reportFiled(_ report: ReportFiling) {
        let logger = self.logger
        let message = report.message.map {
            ReportedMessage(room: $0.room.rawValue, seq: $0.seq, authorPeer: $0.from.rawValue, authorName: $0.name,
                            text: $0.text, at: WallTime(milliseconds: $0.at))
        } ?? ReportedMessage(room: report.room.rawValue, seq: 0, authorPeer: "", authorName: "", text: "",
                             at: WallTime(milliseconds: report.at))
        worker.perform({ store in
            try store.saveReport(id: report.report.rawValue, message: message, reporterPeer: report.reporter.rawValue,
                                 reporterName: report.reporterName, reason: report.reason, now: WallTime(milliseconds: report.at))
        }, completion: { result in
            if case .failure(let error) = result { logger.error("report not saved", metadata: ["error": "\(error)"]) }
        })
    }

    public func reportResolved(_ resolution: ResolvedReport) {
        let logger = self.logger
        worker.perform({ store in try Self.resolve(resolution, in: store) }, completion: { result in
            if case .failure(let error) = result { logger.error("report resolution not saved", metadata: ["error": "\(error)"]) }
        })
    }

    public func resolveStoredReport(_ resolution: ResolvedReport, reply: ReplyAddress, feed: @escaping @Sendable (ChatInput) -> Void) {
        worker.perform({ store in try Self.resolve(resolution, in: store) }, completion: { result in
            let outcome: StoredReportOutcome.Result
            switch result {
            case .success(.resolved(let report)): outcome = .resolved(reporter: PeerID(report.reporterPeer), outcome: resolution.outcome)
            case .success(.alreadyResolved): outcome = .alreadyResolved
            case .success(.notFound), .failure: outcome = .notFound
            }
            feed(.storedReportResolved(StoredReportOutcome(report: resolution.report, reply: reply, result: outcome)))
        })
    }

    private static func resolve(_ resolution: ResolvedReport, in store: DataStore) throws -> ReportResolveOutcome {
        try store.resolveReport(id: resolution.report.rawValue, outcome: resolution.outcome, resolverName: resolution.resolverName,
                                resolverRole: resolution.resolverRole.rawValue, now: WallTime(milliseconds: resolution.at))
    }
}
