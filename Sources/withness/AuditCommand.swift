import ArgumentParser
import Store

/// `withness audit …`: checks on the append-only, hash-chained audit log.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the audit log of transcript reads.",
        subcommands: [Verify.self])
}

extension Audit {
    /// `audit verify`: exit 0 when the chain is intact, 1 at the first broken entry.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit log's hash chain; exits non-zero if any entry was changed or removed.")

        @OptionGroup var store: StoreCommandOptions

        func run() throws {
            switch try store.openExistingStore().verifyAuditChain() {
            case .intact(let entries):
                print("The audit log is intact (\(entries) \(entries == 1 ? "entry" : "entries")).")
            case .broken(let id):
                print("The audit log is broken at entry \(id): it was changed or an entry before it was removed.")
                throw ExitCode.failure
            }
        }
    }
}
