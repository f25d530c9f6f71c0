#ifndef WITHNESS_CLINUX_SHIM_H
#define WITHNESS_CLINUX_SHIM_H
// Linux APIs that Glibc's Swift module does not export (epoll, eventfd, timerfd, accept4).
// Do not define _GNU_SOURCE here: it turns sockaddr* parameters into transparent unions.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>

extern int accept4(int, struct sockaddr *, socklen_t *, int);

static inline int withness_errno(void) { return errno; }

#include <sys/syscall.h>
/// CPUs this process may run on (its affinity mask, e.g. under `taskset`), or -1 if unknown.
/// Written with the raw syscall because sched_getaffinity and CPU_COUNT need _GNU_SOURCE.
static inline int withness_affinity_cpu_count(void) {
    unsigned long mask[16] = {0};
    long bytes = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
    if (bytes <= 0) return -1;
    int count = 0;
    for (long i = 0; i < bytes / (long)sizeof(unsigned long); i++) count += __builtin_popcountl(mask[i]);
    return count;
}

// SIGINT/SIGTERM → one 8-byte write to an eventfd. The handler does nothing else (async-signal-safe);
// the thread blocked reading that eventfd does the shutdown work. Used by Server's ShutdownSignal only.
static int withness_shutdown_fd = -1;

static inline void withness_shutdown_handler(int signo) {
    (void)signo;
    int saved = errno;
    uint64_t one = 1;
    ssize_t ignored = write(withness_shutdown_fd, &one, sizeof one);
    (void)ignored;
    errno = saved;
}

static inline int withness_install_shutdown_handler(int fd) {
    struct sigaction action;
    withness_shutdown_fd = fd;
    memset(&action, 0, sizeof action);
    action.sa_handler = withness_shutdown_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    return 0;
}
#endif
