import WebSocket

/// libFuzzer entry: the first input byte picks the size limit and whether binary is accepted, the second
/// where the rest is split in two. The input is read whole and split, and both runs must agree (the
/// ParserVerifier property), deliver only valid UTF-8 as text, and never consume more than was given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let settings = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let limit = settings & 1 == 0 ? 1 << 16 : Int(settings >> 1) * 8

    func run(splitAt split: Int) -> (events: [WSEvent], error: WSProtocolError?, unconsumed: Int) {
        var reader = WSMessageReader(maxMessageBytes: limit, acceptsBinary: settings & 0x80 == 0)
        var pending: [UInt8] = []
        var events: [WSEvent] = []
        for range in [0..<split, split..<input.count] {
            pending.append(contentsOf: input[range])
            while true {
                let result: (consumed: Int, event: WSEvent?)
                do {
                    result = try pending.withUnsafeMutableBytes { try reader.read($0) }
                } catch {
                    return (events, error as? WSProtocolError, 0)
                }
                precondition(result.consumed >= 0 && result.consumed <= pending.count, "consumed out of range")
                pending.removeFirst(result.consumed)
                if let event = result.event {
                    if case .text(let text) = event {
                        precondition(String(validating: text, as: UTF8.self) != nil, "invalid UTF-8 delivered as text")
                    }
                    events.append(event)
                } else if result.consumed == 0 {
                    break
                }
            }
        }
        precondition(!reader.isIdle || reader.retainedBytes == 0, "idle reader holds storage")
        return (events, nil, pending.count)
    }

    let whole = run(splitAt: input.count)
    let split = run(splitAt: input.isEmpty ? 0 : Int(data[1]) % (input.count + 1))
    precondition(whole.events == split.events && whole.error == split.error && whole.unconsumed == split.unconsumed,
                 "outcome depends on how the input was split")
    return 0
}
