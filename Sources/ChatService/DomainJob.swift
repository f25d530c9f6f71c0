import Chat

/// Work for the domain thread: an input for the chat reducer, or a task that needs the chat's state.
enum DomainJob: Sendable {
    /// Feed the reducer.
    case input(ChatInput)
    /// Run on the domain thread with exclusive access to the domain (answers for HTTP routes, tests).
    case task(@Sendable (inout DomainState) -> Void)
}

/// Everything the domain thread owns. Only ever touched on that thread.
struct DomainState: Sendable {
    var lobby: Lobby
}
