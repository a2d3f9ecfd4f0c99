#define _GNU_SOURCE
#include "CLinux.h"
#include <unistd.h>
#include <fcntl.h>
#include <sys/pidfd.h>

int bearerd_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) { return accept4(fd, address, length, flags); }
int bearerd_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }
int bearerd_pidfd_open(pid_t pid) { return pidfd_open(pid, 0); }
int bearerd_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from) { return posix_spawn_file_actions_addclosefrom_np(actions, from); }
