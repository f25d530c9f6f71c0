import COpenSSL
import Glibc

/// One connection's TLS state: OpenSSL reading and writing the non-blocking socket itself (`SSL_set_fd`).
///
/// Chosen over memory BIOs because it needs no second copy of every byte; the price is one `SSL_write`
/// per 16 KiB record instead of one `writev`, which the loop softens by packing small frames together.
/// Owned by one loop thread.
final class TLSSession {
    private let ssl: OpaquePointer

    enum Progress: Equatable { case done, wantRead, wantWrite, failed }
    enum ReadResult: Equatable { case bytes(Int), wouldBlock, closed, failed }
    enum WriteResult: Equatable { case wrote(Int), wouldBlock, failed }

    init?(context: TLSContext, fd: Int32) {
        guard let ssl = SSL_new(context.context) else { return nil }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        SSL_set_accept_state(ssl)
    }

    deinit { SSL_free(ssl) }

    func handshake() -> Progress {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return .done }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        default: return .failed
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        ERR_clear_error()
        let result = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if result > 0 { return .bytes(Int(result)) }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wouldBlock
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL where errno == EAGAIN: return .wouldBlock
        default: return .failed
        }
    }

    /// Writes from the front of `bytes`; after `.wouldBlock` the next call must start with the same bytes.
    func write(_ bytes: UnsafeRawBufferPointer) -> WriteResult {
        ERR_clear_error()
        let result = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        if result > 0 { return .wrote(Int(result)) }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wouldBlock
        default: return .failed
        }
    }

    /// Decrypted bytes OpenSSL holds that epoll cannot know about.
    var hasPending: Bool { SSL_has_pending(ssl) == 1 }

    /// Sends close_notify (best effort; the socket is about to be shut).
    func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
    }
}
