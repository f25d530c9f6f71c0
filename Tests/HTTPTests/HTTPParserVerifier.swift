import HTTP

/// What feeding some bytes to a fresh `HTTPRequestParser` yields: the requests read, and the error if one was thrown.
struct HTTPParseOutcome: Equatable {
    var requests: [HTTPRequest] = []
    var error: HTTPParseError?
    /// Bytes left unread at the end (the start of an incomplete request).
    var leftover = 0
}

/// Feeds the same input whole, split at every byte boundary, and one byte at a time, the way a connection
/// would (keeping unread bytes, dropping consumed ones), and returns each way's outcome so a test can check
/// they all agree with the expected one (after NIO's ByteToMessageDecoderVerifier).
enum HTTPParserVerifier {
    static func outcomes(_ input: [UInt8], limits: HTTPRequestLimits = HTTPRequestLimits()) -> [(label: String, outcome: HTTPParseOutcome)] {
        var results = [("whole", feed([input], limits: limits))]
        if input.count > 1 {
            for split in 1..<input.count {
                results.append(("split at \(split)", feed([Array(input[..<split]), Array(input[split...])], limits: limits)))
            }
        }
        results.append(("byte by byte", feed(input.map { [$0] }, limits: limits)))
        return results
    }

    /// True when every way of feeding `input` gives `expected`.
    static func allAgree(_ input: [UInt8], expected: HTTPParseOutcome, limits: HTTPRequestLimits = HTTPRequestLimits()) -> Bool {
        outcomes(input, limits: limits).allSatisfy { $0.outcome == expected }
    }

    static func feed(_ chunks: [[UInt8]], limits: HTTPRequestLimits) -> HTTPParseOutcome {
        var parser = HTTPRequestParser(limits: limits)
        var buffer: [UInt8] = []
        var outcome = HTTPParseOutcome()
        for chunk in chunks {
            buffer += chunk
            do {
                while let (consumed, request) = try parser.parse(buffer.span) {
                    outcome.requests.append(request)
                    buffer.removeFirst(consumed)
                }
            } catch {
                outcome.error = error
                outcome.leftover = buffer.count
                return outcome
            }
        }
        outcome.leftover = buffer.count
        return outcome
    }
}
