import ArgumentParser
import Glibc

/// Reads a new staff password: one line from standard input when it is a pipe or file (scripts, tests),
/// or, at a terminal, typed twice with echo turned off (protocol §12).
enum PasswordInput {
    static func readNewPassword() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard var line = readLine(strippingNewline: true) else {
                throw CommandFailure("Expected the password as one line on standard input.")
            }
            if line.hasSuffix("\r") { line.removeLast() }
            return line
        }
        let first = try prompt("Password: ")
        let second = try prompt("Password again: ")
        guard first == second else { throw CommandFailure("The two passwords did not match; nothing was changed.") }
        return first
    }

    /// Shows `text` on standard error and reads one line from the terminal without echoing it.
    private static func prompt(_ text: String) throws -> String {
        writeToStandardError(text)
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw CommandFailure("Could not read the terminal settings.") }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            writeToStandardError("\n")
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("No password was typed.") }
        return line
    }

    private static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDERR_FILENO, &bytes, bytes.count)
    }
}
