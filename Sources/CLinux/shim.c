#define _GNU_SOURCE
#include "CLinux.h"
#include <unistd.h>
#include <fcntl.h>

int bearerd_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) { return accept4(fd, address, length, flags); }
int bearerd_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

struct epoll_event bearerd_epoll_event_make(uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return event;
}
uint64_t bearerd_epoll_event_data(const struct epoll_event *event) { return event->data.u64; }
uint32_t bearerd_epoll_event_events(const struct epoll_event *event) { return event->events; }
struct epoll_event *bearerd_epoll_event_at(struct epoll_event *events, int index) { return &events[index]; }
