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

extern int accept4(int, struct sockaddr *, socklen_t *, int);

static inline int withness_errno(void) { return errno; }
#endif
