/// The plaintext layout of a sealed report (everything except id, room, seq and creation time).
enum ReportCodec {
    private static let version: UInt8 = 1

    static func encode(_ report: Report) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(version)
        writer.write(report.message.authorPeer)
        writer.write(report.message.authorName)
        writer.write(report.message.text)
        writer.write(report.message.at.milliseconds)
        writer.write(report.reporterPeer)
        writer.write(report.reporterName)
        writer.write(report.reason)
        writer.write(report.resolution != nil)
        if let resolution = report.resolution {
            writer.write(resolution.outcome)
            writer.write(resolution.resolverName)
            writer.write(resolution.resolverRole)
            writer.write(resolution.at.milliseconds)
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], id: String, room: String, seq: Int, created: WallTime) throws(StoreError) -> Report {
        var reader = BinaryReader(bytes)
        guard try reader.readByte() == version else { throw StoreError.corrupt("unknown report layout") }
        let message = ReportedMessage(room: room, seq: seq, authorPeer: try reader.readString(),
                                      authorName: try reader.readString(), text: try reader.readString(),
                                      at: WallTime(milliseconds: try reader.readInt64()))
        let reporterPeer = try reader.readString()
        let reporterName = try reader.readString()
        let reason = try reader.readString()
        var resolution: ReportResolution?
        if try reader.readBool() {
            resolution = ReportResolution(outcome: try reader.readString(), resolverName: try reader.readString(),
                                          resolverRole: try reader.readString(),
                                          at: WallTime(milliseconds: try reader.readInt64()))
        }
        guard reader.isAtEnd else { throw StoreError.corrupt("trailing bytes in report") }
        return Report(id: id, message: message, reporterPeer: reporterPeer, reporterName: reporterName,
                      reason: reason, created: created, resolution: resolution)
    }
}
