import CLinux
import Glibc
import Synchronization

/// One thread's event loop: descriptors through epoll, timers in a heap, work handed over from other
/// threads through an eventfd, and hooks that run once per iteration before the loop sleeps.
///
/// Everything but `remote` is confined to the thread that calls `run()`. A handler runs to completion
/// before the next one starts, so handlers never need locks.
package final class EventLoop {
    private struct Slot {
        var handler: IOHandler?
        var generation: UInt32
    }

    private let epollFD: Int32
    private var slots: [Slot] = []
    private var freeSlots: [UInt32] = []
    private var timers = TimerHeap()
    private var beforeSleepHooks: [() -> Void] = []
    private var isRunning = false
    private let events: UnsafeMutablePointer<epoll_event>
    private static let maxEventsPerWait: Int32 = 256
    /// Sleeps longer than this also arm a `CLOCK_BOOTTIME` timerfd, so that time spent in suspend
    /// counts; `epoll_wait`'s own timeout does not count it. Short sleeps skip the syscall.
    private static let longSleep: Duration = .seconds(1)
    private let suspendAwareTimer: SuspendAwareTimer
    private var suspendAwareTimerDeadline: LoopInstant?
    /// The other threads' way in: `execute` and `stop`.
    package let remote: RemoteEventLoop

    /// The time of the current iteration, read once after each wake-up: handlers share one `now`.
    package private(set) var now: LoopInstant

    package init() throws(SystemError) {
        epollFD = try blockingSyscall("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        events = .allocate(capacity: Int(Self.maxEventsPerWait))
        now = .now()
        do {
            remote = try RemoteEventLoop()
            suspendAwareTimer = try SuspendAwareTimer()
        } catch {
            close(epollFD)
            events.deallocate()
            throw error
        }
        _ = try register(remote.eventFD, events: .readable, handler: remote)
        _ = try register(suspendAwareTimer.fd, events: .readable, handler: suspendAwareTimer)
    }

    deinit {
        close(epollFD)
        events.deallocate()
    }

    // MARK: Descriptors

    package func register(_ fd: Int32, events: IOEvents, handler: IOHandler) throws(SystemError) -> IORegistration {
        let registration: IORegistration
        if let slot = freeSlots.popLast() {
            slots[Int(slot)].handler = handler
            registration = IORegistration(slot: slot, generation: slots[Int(slot)].generation)
        } else {
            slots.append(Slot(handler: handler, generation: 0))
            registration = IORegistration(slot: UInt32(slots.count - 1), generation: 0)
        }
        var event = epoll_event(events: events.rawValue, data: epoll_data_t(u64: registration.epollData))
        do {
            _ = try blockingSyscall("epoll_ctl(ADD)") { epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) }
        } catch {
            release(registration)
            throw error
        }
        return registration
    }

    package func modify(_ registration: IORegistration, fd: Int32, events: IOEvents) throws(SystemError) {
        var event = epoll_event(events: events.rawValue, data: epoll_data_t(u64: registration.epollData))
        _ = try blockingSyscall("epoll_ctl(MOD)") { epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event) }
    }

    /// Stops events for `fd`; call before closing it.
    package func deregister(_ registration: IORegistration, fd: Int32) {
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
        release(registration)
    }

    private func release(_ registration: IORegistration) {
        let index = Int(registration.slot)
        guard slots[index].generation == registration.generation, slots[index].handler != nil else { return }
        slots[index].handler = nil
        slots[index].generation &+= 1
        freeSlots.append(registration.slot)
    }

    // MARK: Timers and hooks

    @discardableResult
    package func schedule(at deadline: LoopInstant, _ action: @escaping () -> Void) -> ScheduledTimer {
        timers.insert(deadline: deadline, action: action)
    }

    @discardableResult
    package func schedule(after delay: Duration, _ action: @escaping () -> Void) -> ScheduledTimer {
        schedule(at: now.advanced(by: delay), action)
    }

    /// Adds a hook that runs on every iteration after events and timers, before the loop sleeps:
    /// the place to flush what handlers queued, once per wake-up instead of once per event.
    package func addBeforeSleepHook(_ hook: @escaping () -> Void) {
        beforeSleepHooks.append(hook)
    }

    // MARK: Running

    /// Runs until `stop()`. Each iteration: due timers, then the before-sleep hooks (so that work any
    /// event or timer queued is done before sleeping), then wait; the wait does not block while a timer
    /// is already due.
    package func run() throws(SystemError) {
        isRunning = true
        remote.attach(self)
        defer { remote.detach() }
        while isRunning {
            fireDueTimers()
            for hook in beforeSleepHooks { hook() }
            guard isRunning else { break }
            now = .now()
            let count = epoll_wait(epollFD, events, Self.maxEventsPerWait, sleepTimeout())
            if count < 0 {
                guard errno == EINTR else { throw SystemError("epoll_wait") }
                continue
            }
            now = .now()
            for index in 0..<Int(count) {
                let event = events[index]
                let registration = IORegistration(epollData: event.data.u64)
                let slot = slots[Int(registration.slot)]
                guard slot.generation == registration.generation, let handler = slot.handler else { continue }
                handler.handleIO(IOEvents(rawValue: event.events))
            }
        }
    }

    /// Fires, in deadline order, every timer due now; ones they schedule for a moment already past
    /// fire too.
    private func fireDueTimers() {
        while let timer = timers.popDue(now: now) {
            timer.fire()
        }
    }

    /// Makes `run()` return after the current iteration.
    package func stop() {
        isRunning = false
    }

    private func sleepTimeout() -> Int32 {
        guard let deadline = timers.earliestDeadline() else { return -1 }
        let delay = deadline - now
        if delay > Self.longSleep, suspendAwareTimerDeadline != deadline {
            suspendAwareTimer.arm(at: deadline)
            suspendAwareTimerDeadline = deadline
        }
        return delay.millisecondsRoundedUp
    }

    fileprivate func runRemoteWork(_ work: [@Sendable () -> Void]) {
        for item in work { item() }
    }
}

/// The thread-safe face of an `EventLoop`: hands closures to the loop's thread.
package final class RemoteEventLoop: IOHandler, @unchecked Sendable {
    // Invariant: `inbox` is the only state touched off the loop thread; `loop` is read only on it.
    fileprivate let eventFD: Int32
    private let inbox = Mutex<[@Sendable () -> Void]>([])
    private var loop: EventLoop?

    fileprivate init() throws(SystemError) {
        eventFD = try blockingSyscall("eventfd") { eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }
    }

    deinit {
        close(eventFD)
    }

    fileprivate func attach(_ loop: EventLoop) { self.loop = loop }
    fileprivate func detach() { loop = nil }

    /// Runs `work` on the loop's thread during its next iteration. Callable from any thread.
    package func execute(_ work: @escaping @Sendable () -> Void) {
        inbox.withLock { $0.append(work) }
        var one: UInt64 = 1
        _ = write(eventFD, &one, 8)
    }

    package func handleIO(_ events: IOEvents) {
        var count: UInt64 = 0
        _ = read(eventFD, &count, 8)
        let work = inbox.withLock { pending in
            let taken = pending
            pending.removeAll()
            return taken
        }
        loop?.runRemoteWork(work)
    }
}

/// A `CLOCK_BOOTTIME` timerfd whose only job is to wake the loop; the loop then fires due timers.
private final class SuspendAwareTimer: IOHandler {
    let fd: Int32

    init() throws(SystemError) {
        fd = try blockingSyscall("timerfd_create") {
            timerfd_create(CLOCK_BOOTTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        }
    }

    deinit {
        close(fd)
    }

    func arm(at deadline: LoopInstant) {
        var spec = itimerspec()
        spec.it_value.tv_sec = Int(deadline.nanoseconds / 1_000_000_000)
        spec.it_value.tv_nsec = Int(deadline.nanoseconds % 1_000_000_000)
        _ = timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME), &spec, nil)
    }

    func handleIO(_ events: IOEvents) {
        var expirations: UInt64 = 0
        _ = read(fd, &expirations, 8)
    }
}
