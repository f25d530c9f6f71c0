import Chat
import Store

/// Lets `hello.auth` carry a staff token: the chat asks this directory, which asks the store.
///
/// The chat calls it inline on the domain thread, only for a `hello` that carries `auth` (rare), so a
/// short wait on the store thread for one indexed lookup is acceptable there, and never touches a loop.
public struct StoreStaffDirectory: StaffDirectory {
    let worker: StoreWorker

    /// A directory over the store behind `worker`.
    public init(worker: StoreWorker) { self.worker = worker }

    public func staffMember(forToken token: String) -> Chat.StaffMember? {
        guard let member = try? worker.performAndWait({ store in try store.resolve(token: token, now: .now()) }) else {
            return nil
        }
        return Chat.StaffMember(name: member.displayName, role: member.role.peerRole)
    }
}

extension StaffRole {
    /// The chat's name for this role.
    var peerRole: PeerRole {
        switch self {
        case .facilitator: .facilitator
        case .worker: .worker
        case .admin: .admin
        }
    }
}
