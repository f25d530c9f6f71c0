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

    public func reportFiled(_ report: ReportFiling) {
        let logger = self.logger
        let message = report.message.map {
            ReportedMessage(room: $0.room.rawValue, seq: $0.seq, authorPeer: $0.from.rawValue, authorName: $0.name,
                            text: $0.text, at: WallTime(milliseconds: $0.at))
        } ?? ReportedMessage(room: report.room.rawValue, seq: 0, authorPeer: "", authorName: "", text: "",
                             at: WallTime(milliseconds: report.at))
        worker.perform({ store in
            try store.saveReport(id: report.report.rawValue, message: message, reporterPeer: report.reporter.rawValue,
                                 reporterName: report.reporter.rawValue,
                                 reason: report.reason, now: WallTime(milliseconds: report.at))
        }, completion: { result in
            if case .failure(let error) = result { logger.error("report not saved", metadata: ["error": "\(error)"]) }
        })
    }

    public func roomEnded(_ ending: RoomEnding) {}
}
