extension ClientRequest {
    /// The longest `ref` a client may send (protocol §2).
    public static let maxRefLength = 64

    /// Decodes one client message from the bytes of a text frame. Unknown fields are ignored.
    ///
    /// The `ref` is read first, so even a message with an unknown type or a bad field is answered
    /// with its `ref`; a `ref` that is itself invalid is answered without one.
    public init(json bytes: some Sequence<UInt8>) throws(ClientMessageError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw ClientMessageError(ref: nil, problem: .badJSON(error))
        }
        guard case .object(let object) = value else { throw ClientMessageError(ref: nil, problem: .notAnObject) }
        var ref: String?
        switch object["ref"] {
        case nil, .null?: ref = nil
        case .string(let text)? where text.unicodeScalars.count <= Self.maxRefLength: ref = text
        default: throw ClientMessageError(ref: nil, problem: .invalidRef)
        }
        guard case .string(let type)? = object["type"] else { throw ClientMessageError(ref: ref, problem: .missingType) }
        let fields = MessageFields(object: object, ref: ref, type: type)
        self.init(ref: ref, try fields.message(ofType: type))
    }
}

/// Typed access to one message's fields; every failure carries the message's `ref`.
struct MessageFields {
    let object: JSONObject
    let ref: String?
    let type: String

    func failure(_ problem: ClientMessageError.Problem) -> ClientMessageError {
        ClientMessageError(ref: ref, problem: problem, type: type)
    }

    func string(_ key: String) throws(ClientMessageError) -> String {
        guard let value = try optionalString(key) else { throw failure(.missingField(key)) }
        return value
    }

    func optionalString(_ key: String) throws(ClientMessageError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw failure(.invalidField(key, expected: "a string"))
        }
    }

    func int(_ key: String) throws(ClientMessageError) -> Int {
        guard let value = try optionalInt(key) else { throw failure(.missingField(key)) }
        return value
    }

    func optionalInt(_ key: String) throws(ClientMessageError) -> Int? {
        switch object[key] {
        case nil, .null?: return nil
        case let value?:
            guard let number = value.intValue else { throw failure(.invalidField(key, expected: "a whole number")) }
            return number
        }
    }

    func bool(_ key: String) throws(ClientMessageError) -> Bool {
        guard let value = try optionalBool(key) else { throw failure(.missingField(key)) }
        return value
    }

    func optionalBool(_ key: String) throws(ClientMessageError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw failure(.invalidField(key, expected: "true or false"))
        }
    }

    func strings(_ key: String) throws(ClientMessageError) -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let elements)?:
            var result: [String] = []
            result.reserveCapacity(elements.count)
            for element in elements {
                guard case .string(let text) = element else { throw failure(.invalidField(key, expected: "a list of strings")) }
                result.append(text)
            }
            return result
        default: throw failure(.invalidField(key, expected: "a list of strings"))
        }
    }

    func room(_ key: String = "room") throws(ClientMessageError) -> RoomID { RoomID(try string(key)) }
    func peer() throws(ClientMessageError) -> PeerID { PeerID(try string("peer")) }
}
