/// Why a client message could not be decoded. Carries the `ref` when one could be read, so the
/// error still answers the right request, and knows its wire code (protocol §2).
public struct ClientMessageError: Error, Sendable, Equatable {
    /// The request's `ref`, when it was readable and valid.
    public var ref: String?
    /// What was wrong.
    public var problem: Problem
    /// The message's `type`, when it was a string (lets a session answer `not_ready` before `hello`
    /// even for a malformed message of a known type).
    public var type: String? = nil

    /// What was wrong with the message.
    public enum Problem: Sendable, Equatable {
        /// Not valid JSON at all.
        case badJSON(JSONSyntaxError)
        /// Valid JSON, but not an object.
        case notAnObject
        /// `ref` is not a string of at most 64 characters.
        case invalidRef
        /// No string `type`.
        case missingType
        /// A `type` this server does not know.
        case unknownType(String)
        /// A required field is absent.
        case missingField(String)
        /// A field has the wrong JSON type or an impossible value.
        case invalidField(String, expected: String)
    }

    /// True when the message named a type this server knows but got its fields wrong.
    public var isKnownTypeWithBadFields: Bool {
        switch problem {
        case .missingField, .invalidField: return type != nil
        default: return false
        }
    }

    /// The wire code this problem is answered with.
    public var code: ChatErrorCode {
        switch problem {
        case .badJSON, .notAnObject: return .badJSON
        case .unknownType: return .unknownType
        case .invalidRef, .missingType, .missingField, .invalidField: return .badRequest
        }
    }

    /// A human explanation for the `error` message (never echoes long client text).
    public var explanation: String {
        switch problem {
        case .badJSON(let syntax): return syntax.explanation
        case .notAnObject: return "Each message must be one JSON object."
        case .invalidRef: return "ref must be a string of at most 64 characters."
        case .missingType: return "The message has no type."
        case .unknownType(let type):
            return type.utf8.count <= 32 ? "Unknown message type \"\(type)\"." : "Unknown message type."
        case .missingField(let name): return "The field \(name) is required."
        case .invalidField(let name, let expected): return "The field \(name) must be \(expected)."
        }
    }
}
