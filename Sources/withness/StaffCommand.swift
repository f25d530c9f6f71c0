import ArgumentParser
import Store

/// `withness staff …`: staff accounts are made on the command line only (protocol §11, §12).
struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage staff accounts: facilitators, workers and admins.",
        subcommands: [Add.self, List.self, Remove.self, Passwd.self])
}

extension Staff {
    /// `staff add NAME --role R`: the password comes from standard input (see `PasswordInput`).
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff account.",
            discussion: "The password is read from standard input when it is not a terminal (one line); at a terminal you type it twice, unseen.")

        @Argument(help: "The login name, also shown to others (1–32 letters, digits, '.', '-', '_').")
        var name: String

        @Option(help: "What the account may do: facilitator, worker or admin.")
        var role: StaffRole

        @OptionGroup var store: StoreCommandOptions

        func validate() throws {
            // Checked before asking for a password, so nobody types one twice for nothing.
            guard StaffMember.isValidUsername(name) else { throw ValidationError(StaffAccountError.invalidUsername.description) }
        }

        func run() throws {
            let dataStore = try store.openStore()
            let password = try PasswordInput.readNewPassword()
            let member = try dataStore.addStaff(username: name, role: role, password: password, now: .now())
            print("Added \(member.role.rawValue) \(member.username).")
        }
    }

    /// `staff list`: one line per account.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff accounts.")

        @OptionGroup var store: StoreCommandOptions

        func run() throws {
            let members = try store.openStore().listStaff()
            guard !members.isEmpty else {
                print("No staff accounts yet. Add one with: withness staff add NAME --role admin")
                return
            }
            let width = max(4, members.map(\.username.count).max() ?? 0)
            print(pad("NAME", width) + "  " + pad("ROLE", 11) + "  CREATED")
            for member in members {
                print(pad(member.username, width) + "  " + pad(member.role.rawValue, 11) + "  " + member.created.iso8601)
            }
        }

        private func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
    }

    /// `staff remove NAME`: the account and its sessions end at once.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a staff account and end its sessions.")

        @Argument(help: "The login name.")
        var name: String

        @OptionGroup var store: StoreCommandOptions

        func run() throws {
            try store.openStore().removeStaff(username: name)
            print("Removed \(name); any signed-in sessions have ended.")
        }
    }

    /// `staff passwd NAME`: a new password, read like `add`'s; the account's sessions end.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password for a staff account.")

        @Argument(help: "The login name.")
        var name: String

        @OptionGroup var store: StoreCommandOptions

        func run() throws {
            let dataStore = try store.openStore()
            guard try dataStore.staff(username: name) != nil else { throw StaffAccountError.noSuchAccount }
            let password = try PasswordInput.readNewPassword()
            try dataStore.changePassword(username: name, to: password)
            print("Password changed for \(name); any signed-in sessions have ended.")
        }
    }
}

extension StaffRole: ExpressibleByArgument {}
