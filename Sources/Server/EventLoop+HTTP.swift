import HTTP
import WebSocket

extension EventLoop {
    /// Parses one request from `bytes` and answers it; `nil` when more bytes are needed (or reading stopped).
    func consumeHTTP(_ connection: Connection, _ bytes: UnsafeRawBufferPointer) -> Int? {
        let span = bytes.bindMemory(to: UInt8.self).span
        do throws(HTTPParseError) {
            guard let (used, request) = try connection.parser?.parse(span) else {
                sendContinueIfExpected(connection)
                return nil
            }
            connection.sentContinue = false
            handle(request, on: connection)
            return used
        } catch {
            respond(HTTPResponse.parseFailure(error), to: connection, isHead: false, keepAlive: false, minorVersion: 1)
            return nil
        }
    }

    /// RFC 9110 §10.1.1: a client waiting for `100 Continue` gets it once its head is accepted.
    private func sendContinueIfExpected(_ connection: Connection) {
        guard !connection.sentContinue, let head = connection.parser?.headAwaitingBody,
              head.minorVersion == 1, head.headers["Expect"]?.lowercased() == "100-continue" else { return }
        connection.sentContinue = true
        enqueue(OutboundFrame(encoded: Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)), to: connection)
    }

    /// Routes one request: WebSocket upgrade, `/healthz`, the application's routes, or static files.
    private func handle(_ request: HTTPRequest, on connection: Connection) {
        let head = request.head
        let path = head.path
        let isHead = head.method == "HEAD"
        func answer(_ response: HTTPResponse) {
            respond(response, to: connection, isHead: isHead, keepAlive: head.keepAlive, minorVersion: head.minorVersion)
        }
        let isWebSocketPath = configuration.webSocketPath.map { path == $0 } ?? true
        if isWebSocketPath, let decision = WSHandshake.evaluate(head, policy: configuration.handshakePolicy) {
            switch decision {
            case .accept(let response): upgrade(connection, request: head, response: response)
            case .refuse(let refusal):
                context.metrics.handshakeFailures.increment()
                answer(refusal.response)
            }
            return
        }
        if path == "/healthz" {
            answer(.plainText(.ok, "ok\n"))
        } else if configuration.webSocketPath.map({ path == $0 }) == true {
            var response = HTTPResponse.plainText(.upgradeRequired, "This endpoint speaks WebSocket.\n")
            response.headers.add(name: "Upgrade", value: "websocket")
            response.headers.add(name: "Sec-WebSocket-Version", value: "13")
            answer(response)
        } else if let handler = context.httpHandler, configuration.routesToHandler(path) {
            handOver(request, to: handler, from: connection)
        } else {
            answer(staticResponse(for: head))
        }
    }

    private func staticResponse(for head: HTTPRequestHead) -> HTTPResponse {
        guard let files = context.files else { return .plainText(.notFound, "Not Found\n") }
        guard head.method == "GET" || head.method == "HEAD" else { return StaticFileResponse.methodNotAllowed() }
        let relative: String
        do throws(StaticFileRefusal) {
            relative = try StaticFilePath.resolve(head.path)
        } catch {
            return .plainText(error.status, "\(error.status.reasonPhrase)\n")
        }
        guard let (path, metadata) = files.lookup(relative) else { return .plainText(.notFound, "Not Found\n") }
        var (response, needsBody) = StaticFileResponse.response(for: head, path: relative, metadata: metadata)
        if needsBody {
            guard let body = files.read(path, size: metadata.size) else { return .plainText(.notFound, "Not Found\n") }
            response.body = body
        }
        return response
    }

    /// Gives the request to the application and stops reading until it answers (from any thread).
    private func handOver(_ request: HTTPRequest, to handler: any HTTPRequestHandler, from connection: Connection) {
        connection.phase = .awaitingResponse
        connection.pendingIsHead = request.head.method == "HEAD"
        connection.pendingKeepAlive = request.head.keepAlive
        connection.pendingMinorVersion = request.head.minorVersion
        connection.readPaused = true
        connection.deadline = now + 60_000
        updateInterest(connection)
        reschedule(connection)
        let mailbox = handle
        let id = connection.id
        handler.handle(request, peer: connection.peer) { response in mailbox.post(.respond(id, response)) }
    }

    /// The application's answer arrived: write it and read the next request.
    func deliverResponse(_ response: HTTPResponse, to connection: Connection) {
        guard connection.phase == .awaitingResponse else { return }
        connection.phase = .http
        connection.readPaused = false
        updateInterest(connection)
        respond(response, to: connection, isHead: connection.pendingIsHead, keepAlive: connection.pendingKeepAlive,
                minorVersion: connection.pendingMinorVersion)
        processKeptInput(connection)
    }

    /// Writes a response with the security headers; closes after it unless the connection stays alive.
    func respond(_ response: HTTPResponse, to connection: Connection, isHead: Bool, keepAlive: Bool, minorVersion: Int) {
        var response = response
        SecurityHeaders.apply(to: &response.headers)
        let closing = !keepAlive || shutdownDeadline != nil || response.headers.containsToken("close", in: "Connection")
        if closing {
            response.headers.replaceOrAdd(name: "Connection", value: "close")
        } else if minorVersion == 0 {
            response.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        enqueue(OutboundFrame(encoded: response.encode(includeBody: !isHead)), to: connection)
        if closing {
            beginClosing(connection)
        } else {
            connection.deadline = now + configuration.requestTimeoutMS
            reschedule(connection)
            // Pipelined requests wait while a big answer is still queued.
            if connection.outbound.queuedBytes > configuration.maxQueuedBytes {
                connection.readPaused = true
                updateInterest(connection)
            }
        }
    }

    /// Switches the connection to WebSocket: 101 queued, HTTP parser dropped, frame reader and timers on.
    private func upgrade(_ connection: Connection, request: HTTPRequestHead, response: HTTPResponse) {
        enqueue(OutboundFrame(encoded: response.encode()), to: connection)
        connection.parser = nil
        connection.reader = WSMessageReader(maxMessageBytes: configuration.maxMessageBytes, acceptsBinary: configuration.acceptsBinary)
        connection.machine = WSConnectionStateMachine(now: now, pingIntervalMS: configuration.pingIntervalMS,
                                                      idleTimeoutMS: configuration.idleTimeoutMS,
                                                      closeTimeoutMS: configuration.closeTimeoutMS)
        connection.phase = .webSocket
        connection.webSocketOpen = true
        reschedule(connection)
        context.webSocketHandler.opened(connection.id, request: request, peer: connection.peer)
    }
}
