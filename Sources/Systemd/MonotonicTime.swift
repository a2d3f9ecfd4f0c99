import Glibc

/// CLOCK_MONOTONIC, the clock of `MONOTONIC_USEC=` (`sd_notify(3)`). Not Swift's `ContinuousClock`,
/// which reads CLOCK_BOOTTIME on Linux and so runs ahead of systemd's clock after a suspend.
package enum MonotonicTime {
    /// The time since an unspecified start, the same for every process on the machine.
    package static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
}
