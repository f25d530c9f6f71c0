import COpenSSL
import Glibc

/// The server's TLS configuration (one `SSL_CTX`): certificate chain, private key, TLS 1.2 minimum.
///
/// Checked completely at start-up, so a missing file or a key that does not match the certificate stops
/// the server with a clear message instead of failing every handshake later. `SSL_CTX` is safe to share
/// between threads once configured (each loop makes its own `SSL` objects from it), hence `@unchecked`.
final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer

    init(certificatePath: String, keyPath: String) throws(TLSError) {
        for (label, path) in [("certificate", certificatePath), ("private key", keyPath)] where access(path, R_OK) != 0 {
            throw TLSError(operation: "TLS \(label) \(path)", reason: String(cString: strerror(errno)))
        }
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw .drained("SSL_CTX_new") }
        self.context = context
        guard withness_ssl_ctx_set_min_tls12(context) == 1 else { throw .drained("set minimum TLS 1.2") }
        _ = SSL_CTX_set_options(context, withness_ssl_op_no_renegotiation() | withness_ssl_op_no_compression())
        _ = withness_ssl_ctx_set_mode(context, withness_ssl_mode_partial_write_moving_buffer())
        guard SSL_CTX_use_certificate_chain_file(context, certificatePath) == 1 else {
            throw .drained("load TLS certificate \(certificatePath)")
        }
        let mismatch = "TLS private key \(keyPath) does not match certificate \(certificatePath)"
        guard SSL_CTX_use_PrivateKey_file(context, keyPath, SSL_FILETYPE_PEM) == 1 else {
            // OpenSSL compares the key with the certificate while loading it.
            let error = TLSError.drained("load TLS private key \(keyPath)")
            throw error.reason.contains("mismatch") ? TLSError(operation: mismatch, reason: error.reason) : error
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw .drained(mismatch)
        }
    }

    deinit { SSL_CTX_free(context) }
}
