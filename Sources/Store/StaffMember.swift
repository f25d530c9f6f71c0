/// What a staff account may do: facilitate groups, review transcripts, or administer (protocol §3, §11).
public enum StaffRole: String, Sendable, Equatable, CaseIterable {
    /// Opens and moderates group rooms; sees reports.
    case facilitator
    /// Reviews consented transcripts (every read audited); sees reports.
    case worker
    /// Everything a facilitator does, plus the audit log.
    case admin
}

/// A staff account as the rest of the server sees it: never its password hash.
public struct StaffMember: Sendable, Equatable {
    /// The row id; stable while the account exists.
    public let id: Int64
    /// The login name, unique without regard to ASCII case.
    public let username: String
    /// What the account may do.
    public let role: StaffRole
    /// When the account was made.
    public let created: WallTime

    /// The name shown to others (protocol §3: staff may omit `name` in `hello`). It is the username.
    public var displayName: String { username }

    /// Wraps the stored fields.
    public init(id: Int64, username: String, role: StaffRole, created: WallTime) {
        self.id = id
        self.username = username
        self.role = role
        self.created = created
    }

    /// Usernames are 1–32 ASCII letters, digits, `.`, `-` or `_`: they double as display names and must
    /// match case-insensitively in SQLite, which folds only ASCII.
    public static func isValidUsername(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard (1...32).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                return true
            default:
                return false
            }
        }
    }

    /// The shortest password accepted for a staff account.
    public static let minimumPasswordLength = 8
}

/// Why a staff account change was refused; each carries a plain sentence for the command line.
public enum StaffAccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not 1–32 ASCII letters, digits, `.`, `-`, `_`.
    case invalidUsername
    /// An account with that name (any ASCII case) exists.
    case usernameTaken
    /// Shorter than `StaffMember.minimumPasswordLength`.
    case passwordTooShort
    /// No account with that name.
    case noSuchAccount

    public var description: String {
        switch self {
        case .invalidUsername: return "A staff name is 1–32 letters, digits, '.', '-' or '_'."
        case .usernameTaken: return "There is already a staff account with that name."
        case .passwordTooShort: return "The password needs at least \(StaffMember.minimumPasswordLength) characters."
        case .noSuchAccount: return "There is no staff account with that name."
        }
    }
}
