import CLinux

/// Readiness reported by epoll for one descriptor.
package struct IOEvents: OptionSet, Sendable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    package static let readable = IOEvents(rawValue: EPOLLIN.rawValue)
    package static let writable = IOEvents(rawValue: EPOLLOUT.rawValue)
    /// The peer shut down its writing side (or closed).
    package static let peerClosed = IOEvents(rawValue: EPOLLRDHUP.rawValue)
    package static let hangUp = IOEvents(rawValue: EPOLLHUP.rawValue)
    package static let error = IOEvents(rawValue: EPOLLERR.rawValue)
    /// Report readiness once per change, not while it lasts (the owner reads/writes until `EAGAIN`).
    package static let edgeTriggered = IOEvents(rawValue: EPOLLET.rawValue)

    // Concrete versions of SetAlgebra's defaults: called from other modules, those ran unspecialized,
    // through the witness table, on every event.

    package func contains(_ member: IOEvents) -> Bool {
        rawValue & member.rawValue == member.rawValue
    }

    package func isDisjoint(with other: IOEvents) -> Bool {
        rawValue & other.rawValue == 0
    }

    @discardableResult
    package mutating func insert(_ member: IOEvents) -> (inserted: Bool, memberAfterInsert: IOEvents) {
        let inserted = !contains(member)
        self = IOEvents(rawValue: rawValue | member.rawValue)
        return (inserted, member)
    }
}

/// An object the loop calls when its descriptor is ready. Runs on the loop's thread.
package protocol IOHandler: AnyObject {
    func handleIO(_ events: IOEvents)
}

/// A descriptor's place in the loop. The generation makes a late event for a slot that was freed and
/// reused (a closed fd whose number came back) harmless: it no longer matches and is dropped.
package struct IORegistration: Equatable, Sendable {
    fileprivate(set) package var slot: UInt32
    fileprivate(set) package var generation: UInt32

    var epollData: UInt64 { UInt64(generation) << 32 | UInt64(slot) }

    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    init(epollData: UInt64) {
        self.init(slot: UInt32(truncatingIfNeeded: epollData), generation: UInt32(truncatingIfNeeded: epollData >> 32))
    }
}
