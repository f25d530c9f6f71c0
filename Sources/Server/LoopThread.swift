import Glibc

/// What a new loop thread needs to build its `EventLoop` (which then lives and dies on that thread).
final class LoopStart: Sendable {
    let handle: LoopHandle
    let context: LoopContext
    let listenerFD: Int32

    init(handle: LoopHandle, context: LoopContext, listenerFD: Int32) {
        self.handle = handle
        self.context = context
        self.listenerFD = listenerFD
    }
}

/// The thread entry: a plain top-level function, so it is not inferred `@MainActor` (see platform notes).
func eventLoopThreadMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    let start = Unmanaged<LoopStart>.fromOpaque(argument).takeRetainedValue()
    start.handle.markCurrentThread()
    do {
        let loop = try EventLoop(handle: start.handle, context: start.context, listenerFD: start.listenerFD)
        start.handle.attach(loop)
        loop.run()
        start.handle.attach(nil)
    } catch {
        start.context.logger.critical("event loop could not start", metadata: ["loop": "\(start.handle.index)", "error": "\(error)"])
        close(start.listenerFD)
    }
    return nil
}

/// Starts one loop thread.
func spawnLoopThread(_ start: LoopStart) throws(SystemError) -> pthread_t {
    var thread = pthread_t()
    let argument = Unmanaged.passRetained(start).toOpaque()
    let result = pthread_create(&thread, nil, { eventLoopThreadMain($0) }, argument)
    if result != 0 {
        Unmanaged<LoopStart>.fromOpaque(argument).release()
        throw SystemError(operation: "pthread_create", errno: result)
    }
    return thread
}
