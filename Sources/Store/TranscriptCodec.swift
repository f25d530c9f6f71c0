/// The plaintext layout of a sealed transcript: participants, then entries. Version-tagged so the
/// layout can grow; an unknown version or trailing bytes are refused, never guessed at.
enum TranscriptCodec {
    private static let version: UInt8 = 1

    static func encode(participants: [TranscriptParticipant], entries: [TranscriptEntry]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(version)
        writer.write(UInt32(truncatingIfNeeded: participants.count))
        for participant in participants {
            writer.write(participant.peer)
            writer.write(participant.name)
            writer.write(participant.consented)
        }
        writer.write(UInt32(truncatingIfNeeded: entries.count))
        for entry in entries {
            switch entry {
            case .redacted(let seq):
                writer.write(UInt8(0))
                writer.write(Int64(seq))
            case .message(let message):
                writer.write(UInt8(1))
                writer.write(Int64(message.seq))
                writer.write(message.from)
                writer.write(message.name)
                writer.write(message.role)
                writer.write(message.text)
                writer.write(message.at.milliseconds)
            }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(StoreError) -> (participants: [TranscriptParticipant], entries: [TranscriptEntry]) {
        var reader = BinaryReader(bytes)
        guard try reader.readByte() == version else { throw StoreError.corrupt("unknown transcript layout") }
        var participants: [TranscriptParticipant] = []
        for _ in 0..<(try reader.readCount()) {
            participants.append(TranscriptParticipant(peer: try reader.readString(), name: try reader.readString(),
                                                      consented: try reader.readBool()))
        }
        var entries: [TranscriptEntry] = []
        for _ in 0..<(try reader.readCount()) {
            let tag = try reader.readByte()
            let seq = Int(try reader.readInt64())
            switch tag {
            case 0:
                entries.append(.redacted(seq: seq))
            case 1:
                entries.append(.message(TranscriptMessage(
                    seq: seq, from: try reader.readString(), name: try reader.readString(), role: try reader.readString(),
                    text: try reader.readString(), at: WallTime(milliseconds: try reader.readInt64()))))
            default:
                throw StoreError.corrupt("unknown transcript entry")
            }
        }
        guard reader.isAtEnd else { throw StoreError.corrupt("trailing bytes in transcript") }
        return (participants, entries)
    }
}
