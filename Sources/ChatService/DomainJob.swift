import Chat

/// Work for the chat domain: an input for the reducer, or a task that needs the chat's state.
enum DomainJob: Sendable {
    /// Feed the reducer. `offLoop`: this input may block briefly (a `hello` with a staff token asks the
    /// store), so an I/O loop must leave it, and everything after it, to the domain thread.
    case input(ChatInput, offLoop: Bool = false)
    /// Run with exclusive access to the domain (tests).
    case task(@Sendable (inout DomainState) -> Void)

    var mustLeaveLoop: Bool {
        if case .input(_, let offLoop) = self { return offLoop }
        return false
    }
}

/// Everything the chat domain owns. Only touched while holding the domain lock.
struct DomainState: Sendable {
    var lobby: Lobby
}
