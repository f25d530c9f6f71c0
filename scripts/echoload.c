// echoload: a small epoll load generator for `withness echo` and for idle-connection memory.
//
//   echoload echo --port P [--clients C] [--window W] [--size BYTES] [--duration S] [--warmup S]
//       C connections each keep W text messages of BYTES in flight; every echo is timed (the message
//       carries its send time) and answered with the next message. Prints msgs_per_s and latency p50/p99/max.
//   echoload idle --port P --clients N [--path /ws] [--hold S] [--say BYTES] --pid SERVER_PID
//       Opens N WebSocket connections (each echoing one message of BYTES first, with --say), holds them, and prints the server's VmRSS before/after and per connection.
//
// Output is key=value lines. Client frames use the all-zero masking key (valid, and free to apply).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd;
    char *in;
    size_t in_len, in_cap;
    int upgraded;
} conn_t;

static int say = 0;
static int port = 9001, clients = 100, window_size = 1, msg_size = 64, duration = 10, warmup = 2, hold = 5;
static long server_pid = 0;
static const char *path = "/";

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static long rss_kib(long pid) {
    char name[64], line[256];
    snprintf(name, sizeof name, "/proc/%ld/status", pid);
    FILE *f = fopen(name, "r");
    if (!f) return -1;
    long value = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) value = strtol(line + 6, NULL, 10);
    fclose(f);
    return value;
}

static int open_conn(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); exit(1); }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char req[512];
    int n = snprintf(req, sizeof req,
                     "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", path, port);
    if (write(fd, req, (size_t)n) != n) { perror("write"); exit(1); }
    return fd;
}

// Reads the 101 response head byte-wise-free: until CRLFCRLF, keeping any frame bytes that follow.
static void finish_handshake(conn_t *c) {
    char buf[4096];
    size_t len = 0;
    for (;;) {
        ssize_t r = read(c->fd, buf + len, sizeof buf - len);
        if (r <= 0) { fprintf(stderr, "handshake: closed\n"); exit(1); }
        len += (size_t)r;
        char *end = memmem(buf, len, "\r\n\r\n", 4);
        if (end) {
            if (strncmp(buf, "HTTP/1.1 101", 12) != 0) { fprintf(stderr, "handshake refused: %.40s\n", buf); exit(1); }
            size_t head = (size_t)(end + 4 - buf);
            memcpy(c->in, buf + head, len - head);
            c->in_len = len - head;
            c->upgraded = 1;
            return;
        }
    }
}

static size_t frame_header(unsigned char *h, size_t len) {
    h[0] = 0x81;
    if (len < 126) { h[1] = 0x80 | (unsigned char)len; memset(h + 2, 0, 4); return 6; }
    if (len < 65536) { h[1] = 0x80 | 126; h[2] = (unsigned char)(len >> 8); h[3] = (unsigned char)len; memset(h + 4, 0, 4); return 8; }
    h[1] = 0x80 | 127;
    for (int i = 0; i < 8; i++) h[2 + i] = (unsigned char)(len >> (56 - 8 * i));
    memset(h + 10, 0, 4);
    return 14;
}

static unsigned char *message;
static size_t message_len;

static void send_message(conn_t *c) {
    uint64_t t = now_ns();
    size_t header = frame_header(message, (size_t)msg_size);
    char stamp[32];
    int n = snprintf(stamp, sizeof stamp, "%020llu", (unsigned long long)t);
    memcpy(message + header, stamp, (size_t)n < (size_t)msg_size ? (size_t)n : (size_t)msg_size);
    size_t done = 0;
    while (done < message_len) {
        ssize_t w = write(c->fd, message + done, message_len - done);
        if (w < 0 && errno == EAGAIN) continue;
        if (w <= 0) { perror("write"); exit(1); }
        done += (size_t)w;
    }
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int run_echo(void) {
    if (msg_size < 20) msg_size = 20;
    conn_t *cs = calloc((size_t)clients, sizeof *cs);
    int ep = epoll_create1(0);
    message_len = (size_t)msg_size + 14;
    message = malloc(message_len);
    memset(message, 'x', message_len);
    message_len = frame_header(message, (size_t)msg_size) + (size_t)msg_size;
    for (int i = 0; i < clients; i++) {
        cs[i].in_cap = (size_t)msg_size * (size_t)window_size + 65536;
        cs[i].in = malloc(cs[i].in_cap);
        cs[i].fd = open_conn();
        finish_handshake(&cs[i]);
        fcntl(cs[i].fd, F_SETFL, O_NONBLOCK);
        struct epoll_event e = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &e);
        for (int w = 0; w < window_size; w++) send_message(&cs[i]);
    }
    size_t cap = 1 << 22, count = 0;
    uint64_t *lat = malloc(cap * sizeof *lat);
    uint64_t start = now_ns(), measure_from = start + (uint64_t)warmup * 1000000000ull;
    uint64_t end = measure_from + (uint64_t)duration * 1000000000ull;
    struct epoll_event events[256];
    while (now_ns() < end) {
        int n = epoll_wait(ep, events, 256, 100);
        for (int k = 0; k < n; k++) {
            conn_t *c = &cs[events[k].data.u32];
            ssize_t r = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
            if (r == 0) { fprintf(stderr, "server closed a connection\n"); return 1; }
            if (r < 0) continue;
            c->in_len += (size_t)r;
            size_t off = 0;
            for (;;) {
                if (c->in_len - off < 2) break;
                unsigned char *p = (unsigned char *)c->in + off;
                size_t len = p[1] & 0x7F, hl = 2;
                if (len == 126) { if (c->in_len - off < 4) break; len = (size_t)p[2] << 8 | p[3]; hl = 4; }
                else if (len == 127) { if (c->in_len - off < 10) break; len = 0; for (int i = 0; i < 8; i++) len = len << 8 | p[2 + i]; hl = 10; }
                if (c->in_len - off < hl + len) break;
                uint64_t t = now_ns(), sent;
                char stamp[21];
                memcpy(stamp, p + hl, 20);
                stamp[20] = 0;
                sent = strtoull(stamp, NULL, 10);
                if (t >= measure_from) {
                    if (count == cap) { cap *= 2; lat = realloc(lat, cap * sizeof *lat); }
                    lat[count++] = t - sent;
                }
                off += hl + len;
                send_message(c);
            }
            memmove(c->in, c->in + off, c->in_len - off);
            c->in_len -= off;
        }
    }
    qsort(lat, count, sizeof *lat, cmp_u64);
    printf("clients=%d\nwindow=%d\nsize=%d\nduration_s=%d\nmessages=%zu\nmsgs_per_s=%.0f\n", clients, window_size, msg_size,
           duration, count, (double)count / duration);
    if (count) printf("latency_p50_us=%.1f\nlatency_p99_us=%.1f\nlatency_max_us=%.1f\n", lat[count / 2] / 1e3,
                      lat[count * 99 / 100] / 1e3, lat[count - 1] / 1e3);
    return 0;
}

static int run_idle(void) {
    long before = server_pid ? rss_kib(server_pid) : -1;
    conn_t c = {0};
    char scratch[65536];
    c.in = scratch;
    c.in_cap = sizeof scratch;
    int *fds = calloc((size_t)clients, sizeof *fds);
    uint64_t t0 = now_ns();
    for (int i = 0; i < clients; i++) {
        c.fd = open_conn();
        finish_handshake(&c);
        fds[i] = c.fd;
        if (say > 0) {  // one message and its echo, so the connection has used its buffers once
            unsigned char frame[14 + 65536];
            size_t header = frame_header(frame, (size_t)say);
            memset(frame + header, 'x', (size_t)say);
            if (write(c.fd, frame, header + (size_t)say) < 0) { perror("write"); exit(1); }
            size_t want = (say < 126 ? 2 : 4) + (size_t)say, got = c.in_len;
            while (got < want) {
                ssize_t r = read(c.fd, scratch, sizeof scratch);
                if (r <= 0) { fprintf(stderr, "no echo\n"); exit(1); }
                got += (size_t)r;
            }
            c.in_len = 0;
        }
    }
    double open_s = (now_ns() - t0) / 1e9;
    sleep((unsigned)hold);
    long after = server_pid ? rss_kib(server_pid) : -1;
    printf("clients=%d\nopen_s=%.2f\nserver_rss_before_kib=%ld\nserver_rss_after_kib=%ld\n", clients, open_s, before, after);
    if (server_pid) printf("kib_per_connection=%.2f\n", (double)(after - before) / clients);
    for (int i = 0; i < clients; i++) close(fds[i]);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: echoload echo|idle [options] (see the comment at the top of echoload.c)\n"); return 2; }
    const char *mode = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strcmp(k, "--port")) port = atoi(v);
        else if (!strcmp(k, "--clients")) clients = atoi(v);
        else if (!strcmp(k, "--window")) window_size = atoi(v);
        else if (!strcmp(k, "--size")) msg_size = atoi(v);
        else if (!strcmp(k, "--duration")) duration = atoi(v);
        else if (!strcmp(k, "--warmup")) warmup = atoi(v);
        else if (!strcmp(k, "--hold")) hold = atoi(v);
        else if (!strcmp(k, "--pid")) server_pid = atol(v);
        else if (!strcmp(k, "--path")) path = v;
        else if (!strcmp(k, "--say")) say = atoi(v) > 65536 ? 65536 : atoi(v);
        else { fprintf(stderr, "unknown option %s\n", k); return 2; }
    }
    struct rlimit l;
    getrlimit(RLIMIT_NOFILE, &l);
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
    if (!strcmp(mode, "echo")) return run_echo();
    if (!strcmp(mode, "idle")) return run_idle();
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
}
