#ifndef WITHNESS_COPENSSL_SHIM_H
#define WITHNESS_COPENSSL_SHIM_H
// OpenSSL 3 headers plus static inline wrappers for the macro APIs Swift cannot import
// (function-like macros, SSL_OP_* bit macros, variadic calls).
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/bio.h>
#include <openssl/kdf.h>

static inline void withness_openssl_free(void *p) { OPENSSL_free(p); }

static inline long withness_ssl_ctx_set_min_tls12(SSL_CTX *ctx) {
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

static inline long withness_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline long withness_ssl_mode_partial_write_moving_buffer(void) {
    return SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS;
}

static inline uint64_t withness_ssl_op_no_renegotiation(void) { return SSL_OP_NO_RENEGOTIATION; }
static inline uint64_t withness_ssl_op_no_compression(void) { return SSL_OP_NO_COMPRESSION; }

static inline long withness_bio_get_mem_data(BIO *bio, char **pp) { return BIO_get_mem_data(bio, pp); }

static inline int withness_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline int withness_evp_ctrl_gcm_set_ivlen(void) { return EVP_CTRL_GCM_SET_IVLEN; }
static inline int withness_evp_ctrl_gcm_get_tag(void) { return EVP_CTRL_GCM_GET_TAG; }
static inline int withness_evp_ctrl_gcm_set_tag(void) { return EVP_CTRL_GCM_SET_TAG; }
#endif
