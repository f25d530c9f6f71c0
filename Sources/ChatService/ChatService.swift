import Chat
import Crypto
import HTTP
import Logging
import Server
import WebSocket

/// Connects the chat domain to the engine: WebSocket events become reducer inputs on one domain thread,
/// and the reducer's effects become frames sent through the server, each broadcast encoded once.
///
/// The domain thread is the only place the `Lobby` lives, so the reducer needs no locks; I/O loops only
/// post to its mailbox and never wait for it.
public final class ChatService: WebSocketHandler, @unchecked Sendable {
    private let mailbox = DomainMailbox<DomainJob>()
    private let logger: Logger
    private let sink: any ChatEffectSink
    /// Set once by `attach` before the server starts, read-only afterwards.
    private var server: Server?
    private var state: DomainState?
    private var thread: DomainThread?

    /// A service for a chat with this configuration; nothing runs until `start`.
    public init(configuration: ChatConfiguration, staff: any StaffDirectory = NoStaffDirectory(),
                sink: any ChatEffectSink = DiscardingEffectSink(), logger: Logger) {
        self.logger = logger
        self.sink = sink
        state = DomainState(lobby: Lobby(configuration: configuration, staff: staff))
    }

    /// Names the server that frames go out through. Call before `server.start(webSocketHandler: self)`.
    public func attach(_ server: Server) {
        self.server = server
    }

    /// Starts the domain thread.
    public func start() {
        guard let initial = state else { return }
        state = nil
        thread = DomainThread.start(name: "withness-chat") { [mailbox, weak self] in
            var domain = initial
            self?.runDomain(&domain, mailbox: mailbox)
        }
    }

    /// Stops the domain thread after it has handled what was already posted.
    public func stop() {
        mailbox.close()
        thread?.join()
        thread = nil
    }

    /// Runs `task` on the domain thread with the chat's state (used by HTTP routes and tests).
    func withDomain(_ task: @escaping @Sendable (inout DomainState) -> Void) {
        mailbox.post(.task(task))
    }

    // MARK: WebSocketHandler (called on I/O loop threads: post and return)

    public func opened(_ id: ConnectionID, request: HTTPRequestHead, peer: PeerAddress) {
        mailbox.post(.input(.connected(ClientID(id.rawValue))))
    }

    public func text(_ id: ConnectionID, _ utf8: [UInt8]) {
        mailbox.post(.input(.received(ClientID(id.rawValue), utf8)))
    }

    public func closed(_ id: ConnectionID, code: WSCloseCode) {
        mailbox.post(.input(.disconnected(ClientID(id.rawValue))))
    }

    // MARK: The domain thread

    private func runDomain(_ domain: inout DomainState, mailbox: DomainMailbox<DomainJob>) {
        var batch: [DomainJob] = []
        batch.reserveCapacity(256)
        var random = SecureRandomGenerator()
        // Wake at least once a second: silence prompts and grace periods are measured in seconds.
        while mailbox.take(into: &batch, until: min(domain.lobby.nextDeadline ?? .max, MonotonicMilliseconds.now() + 1000)) {
            let now = MonotonicMilliseconds.chatTime()
            for job in batch {
                switch job {
                case .input(let input):
                    perform(domain.lobby.handle(input, now: now, rng: &random))
                case .task(let task):
                    task(&domain)
                }
            }
            if batch.isEmpty || (domain.lobby.nextDeadline.map { $0 <= now.monotonic } ?? false) {
                perform(domain.lobby.handle(.tick, now: now, rng: &random))
            }
            batch.removeAll(keepingCapacity: true)
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
