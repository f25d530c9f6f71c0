/// The port through which `hello.auth` becomes a staff role. The glue implements it over its login
/// sessions; it must answer from memory, quickly, because the chat calls it inline.
public protocol StaffDirectory: Sendable {
    /// The staff member a bearer token belongs to, or nil when the token is unknown or expired.
    func staffMember(forToken token: String) -> StaffMember?
}

/// A signed-in staff member, as the directory knows them.
public struct StaffMember: Sendable, Equatable {
    /// The display name used when `hello` has no `name`.
    public var name: String
    /// Facilitator, worker or admin.
    public var role: PeerRole

    /// A staff member from their display name and role.
    public init(name: String, role: PeerRole) {
        self.name = name
        self.role = role
    }
}

/// A directory with no staff: every `auth` is refused. The default until logins exist.
public struct NoStaffDirectory: StaffDirectory {
    /// The empty directory.
    public init() {}

    /// Always nil.
    public func staffMember(forToken token: String) -> StaffMember? { nil }
}
