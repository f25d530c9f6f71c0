import HTTP

/// libFuzzer entry: feeds the input to the request parser in two pieces (split at its first byte's value),
/// then resolves each parsed target as a static path. Crashes and hangs are the only failures.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let split = input.isEmpty ? 0 : min(Int(input[0]), input.count)
    var parser = HTTPRequestParser(limits: HTTPRequestLimits(maxHeadBytes: 4096, maxBodyBytes: 4096))
    var buffer: [UInt8] = []
    for chunk in [input[..<split], input[split...]] {
        buffer += chunk
        while let (consumed, request) = try? parser.parse(buffer.span) {
            buffer.removeFirst(consumed)
            _ = try? StaticFilePath.resolve(request.head.path)
        }
    }
    return 0
}
