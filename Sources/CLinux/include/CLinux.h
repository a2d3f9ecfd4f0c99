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
// pidfd_open(2): a descriptor that becomes readable when the process exits (no SIGCHLD needed).
int bearerd_pidfd_open(pid_t pid);
// posix_spawn_file_actions_addclosefrom_np is declared only with _GNU_SOURCE.
int bearerd_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from);


#endif
