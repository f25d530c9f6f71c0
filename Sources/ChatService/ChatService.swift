import Chat
import Crypto
import HTTP
import Logging
import Server
import WebSocket

/// Connects the chat domain to the engine: WebSocket events become reducer inputs, and the reducer's
/// effects become frames sent through the server, each broadcast encoded once.
///
/// The `Lobby` lives behind one lock and is fed from one FIFO mailbox. The I/O loop that receives a
/// message posts it and, when the lock is free, drains the mailbox itself: on a one-loop server a
/// message is handled without any thread hand-off, and its frames are queued straight onto that loop.
/// A loop never waits for the lock; when another thread holds it, that thread drains the job. The
/// domain thread handles timers (grace periods, silence prompts), answers coming back from the store,
/// and any input that may block (a `hello` with a staff token), so no loop ever blocks.
public final class ChatService: WebSocketHandler, @unchecked Sendable {
    private let mailbox = DomainMailbox<DomainJob>()
    private let lock = DomainLock()
    private let logger: Logger
    private let sink: any ChatEffectSink
    /// Set once by `attach` before the server starts, read-only afterwards.
    private var server: Server?
    /// Guarded by `lock`.
    private var domain: DomainState
    /// Jobs being handled, guarded by `lock` (only the lock holder drains). Swapped with the mailbox's
    /// array, so both keep their capacity and posting a message allocates nothing.
    private var drainBuffer: [DomainJob] = []
    private var random = SecureRandomGenerator()
    private var thread: DomainThread?

    /// A service for a chat with this configuration; nothing runs until `start`.
    public init(configuration: ChatConfiguration, staff: any StaffDirectory = NoStaffDirectory(),
                sink: any ChatEffectSink = DiscardingEffectSink(), logger: Logger) {
        self.logger = logger
        self.sink = sink
        domain = DomainState(lobby: Lobby(configuration: configuration, staff: staff))
        drainBuffer.reserveCapacity(256)
    }

    /// Names the server that frames go out through. Call before `server.start(webSocketHandler: self)`.
    public func attach(_ server: Server) {
        self.server = server
    }

    /// Starts the domain thread.
    public func start() {
        guard thread == nil else { return }
        thread = DomainThread.start(name: "withness-chat") { [weak self] in self?.runDomainThread() }
    }

    /// Stops the domain thread after it has handled what was already posted.
    public func stop() {
        mailbox.close()
        thread?.join()
        thread = nil
    }

    /// Runs `task` with the chat's state, on the domain thread (tests).
    func withDomain(_ task: @escaping @Sendable (inout DomainState) -> Void) {
        mailbox.post(.task(task))
    }

    // MARK: WebSocketHandler (called on I/O loop threads; never blocks)

    public func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {
        postFromLoop(.input(.connected(ClientID(id.rawValue))))
    }

    public func text(_ id: ConnectionID, _ utf8: [UInt8]) {
        postFromLoop(.input(.received(ClientID(id.rawValue), utf8), offLoop: Self.mayCarryStaffToken(utf8)))
    }

    public func closed(_ id: ConnectionID, code: WSCloseCode) {
        postFromLoop(.input(.disconnected(ClientID(id.rawValue))))
    }

    /// A `hello` with `auth` makes the chat ask the store about the token; such messages are rare, and
    /// handled on the domain thread. A cheap byte search: a false positive only costs a thread hop.
    static func mayCarryStaffToken(_ utf8: [UInt8]) -> Bool {
        let key: [UInt8] = Array(#""auth""#.utf8)
        guard utf8.count >= key.count else { return false }
        return utf8.withUnsafeBufferPointer { bytes in
            for start in 0...(bytes.count - key.count) where bytes[start] == key[0] {
                if (1..<key.count).allSatisfy({ bytes[start + $0] == key[$0] }) { return true }
            }
            return false
        }
    }

    // MARK: Draining

    private func postFromLoop(_ job: DomainJob) {
        mailbox.post(job, wake: false)
        drainOnLoop()
    }

    /// Handles pending jobs on this I/O loop if nobody else is, stopping before any job that must leave
    /// the loop. Rechecks after unlocking, so a job posted while another thread held the lock is never stranded.
    private func drainOnLoop() {
        while lock.tryLock() {
            var handedOff = false
            let now = MonotonicMilliseconds.chatTime()
            while !handedOff, mailbox.takeAll(into: &drainBuffer) {
                for index in drainBuffer.indices {
                    let job = drainBuffer[index]
                    if job.mustLeaveLoop {
                        mailbox.putBack(drainBuffer[index...])
                        handedOff = true
                        break
                    }
                    run(job, now: now)
                }
                drainBuffer.removeAll(keepingCapacity: true)
            }
            lock.unlock()
            if handedOff { return mailbox.wake() }
            if mailbox.isEmpty { return }
        }
    }

    /// The domain thread: waits for jobs it was woken for, or for the next deadline (at least once a
    /// second: grace periods and silence prompts are measured in seconds), and handles everything pending.
    private func runDomainThread() {
        var deadline = MonotonicMilliseconds.now() + 1000
        while mailbox.waitForWork(until: deadline) {
            lock.lock()
            let now = MonotonicMilliseconds.chatTime()
            while mailbox.takeAll(into: &drainBuffer) {
                for index in drainBuffer.indices { run(drainBuffer[index], now: now) }
                drainBuffer.removeAll(keepingCapacity: true)
            }
            if domain.lobby.nextDeadline.map({ $0 <= now.monotonic }) ?? true {
                perform(domain.lobby.handle(.tick, now: now, rng: &random))
            }
            deadline = min(domain.lobby.nextDeadline ?? .max, MonotonicMilliseconds.now() + 1000)
            lock.unlock()
        }
    }

    /// Handles one job; the caller holds the lock.
    private func run(_ job: DomainJob, now: ChatTime) {
        switch job {
        case .input(let input, _):
            perform(domain.lobby.handle(input, now: now, rng: &random))
        case .task(let task):
            task(&domain)
        }
    }

    /// Posts an input from a sink's answer back to the domain thread.
    private var feed: @Sendable (ChatInput) -> Void {
        { [mailbox] input in mailbox.post(.input(input)) }
    }

    private func perform(_ effects: [ChatEffect]) {
        guard let server else { return }
        for effect in effects {
            switch effect {
            case .send(let message, let clients):
                let frame = OutboundFrame(text: message.bytes)
                if clients.count == 1 {
                    server.send(frame, to: ConnectionID(rawValue: clients[0].rawValue))
                } else {
                    server.send(frame, to: clients.map { ConnectionID(rawValue: $0.rawValue) })
                }
            case .close(let client, let reason):
                server.close(ConnectionID(rawValue: client.rawValue), code: WSCloseCode(rawValue: reason.closeCode))
            case .roomEnded(let ending):
                sink.roomEnded(ending, feed: feed)
            case .reportFiled(let report):
                sink.reportFiled(report)
            case .reportResolved(let resolution):
                sink.reportResolved(resolution)
            case .resolveStoredReport(let resolution, let reply):
                sink.resolveStoredReport(resolution, reply: reply, feed: feed)
            }
        }
    }
}

extension ChatService {
    /// A report was resolved over HTTP: the reporter, if still connected, hears what was done.
    public func reportResolved(report: String, reporter: String, outcome: String) {
        mailbox.post(.input(.reportResolvedOutside(report: ReportID(report), reporter: PeerID(reporter), outcome: outcome)))
    }
}
