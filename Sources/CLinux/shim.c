#define _GNU_SOURCE
#include "CLinux.h"
#include <unistd.h>
#include <fcntl.h>

int bearerd_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) { return accept4(fd, address, length, flags); }
int bearerd_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

