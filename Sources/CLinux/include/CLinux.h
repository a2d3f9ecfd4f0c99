// Linux interfaces the Glibc module does not export (epoll, eventfd, timerfd, signalfd) and
// wrappers for functions that need _GNU_SOURCE.
#ifndef BEARERD_CLINUX_H
#define BEARERD_CLINUX_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <signal.h>
#include <spawn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

int bearerd_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
int bearerd_pipe2(int fds[2], int flags);

/// epoll_event is packed on x86_64; these read and write its fields without misaligned access.
struct epoll_event bearerd_epoll_event_make(uint32_t events, uint64_t data);
uint64_t bearerd_epoll_event_data(const struct epoll_event *event);
uint32_t bearerd_epoll_event_events(const struct epoll_event *event);
/// Address of the i-th element of an epoll_event array (sizeof is 12 on x86_64, not the Swift stride).
struct epoll_event *bearerd_epoll_event_at(struct epoll_event *events, int index);

#endif
