extension JSONWriter {
    /// Writes an object key that is not known at compile time (escaped like any string).
    public mutating func key(dynamic name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes any parsed value back out (duplicate keys kept, numbers as parsed; a non-finite
    /// `Double`, which JSON cannot express, becomes `null`).
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .string(let text): string(text)
        case .number(.integer(let integer)): int(Int(integer))
        case .number(.real(let real)):
            if real.isFinite { raw(Array(real.description.utf8)) } else { null() }
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let object):
            beginObject()
            for member in object.members {
                key(dynamic: member.key)
                self.value(member.value)
            }
            endObject()
        }
    }
}
