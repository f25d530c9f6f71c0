import WebSocket

/// libFuzzer entry: the first input byte picks the size limit and whether binary is accepted, the second
/// where the rest is split in two, so the fuzzer explores partial reads as well as whole frames.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let settings = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let split = bytes.isEmpty ? 0 : Int(data[1]) % (bytes.count + 1)
    var reader = WSMessageReader(maxMessageBytes: settings & 1 == 0 ? 1 << 16 : Int(settings >> 1) * 8,
                                 acceptsBinary: settings & 0x80 == 0)
    var pending: [UInt8] = []
    for range in [0..<split, split..<bytes.count] {
        pending.append(contentsOf: bytes[range])
        while true {
            let result: (consumed: Int, event: WSEvent?)
            do {
                result = try pending.withUnsafeMutableBytes { try reader.read($0) }
            } catch {
                precondition(error is WSProtocolError, "untyped error escaped the reader")
                return 0
            }
            precondition(result.consumed >= 0 && result.consumed <= pending.count, "consumed out of range")
            pending.removeFirst(result.consumed)
            if case .text(let text)? = result.event {
                precondition(String(validating: text, as: UTF8.self) != nil, "invalid UTF-8 delivered as text")
            }
            if result.event == nil && result.consumed == 0 { break }
        }
    }
    return 0
}
