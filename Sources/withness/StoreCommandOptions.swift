import ArgumentParser
import Glibc
import Store

/// `--data DIR`, shared by the commands that open the store from the command line.
struct StoreCommandOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The data directory (made on first use, readable only by you).")
    var dataDirectory = "./data"

    /// Opens the store without the master key: these commands never touch transcripts or reports.
    func openStore() throws -> DataStore {
        try DataStore(directory: DataDirectory(path: dataDirectory), masterKey: nil)
    }

    /// Opens the store only if a database is already there, so checking the wrong directory is an error
    /// rather than a freshly made, empty and "intact" store.
    func openExistingStore() throws -> DataStore {
        let directory = DataDirectory(path: dataDirectory)
        guard access(directory.databasePath, F_OK) == 0 else {
            throw CommandFailure("There is no Withness data in \(dataDirectory).")
        }
        return try DataStore(directory: directory, masterKey: nil)
    }
}

/// A plain failure message for the command line (ArgumentParser prints it as `Error: …` without usage).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
