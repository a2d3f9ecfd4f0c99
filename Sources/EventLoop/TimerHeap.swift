/// A timer the loop will fire once at `deadline` unless it is cancelled first.
package final class ScheduledTimer {
    package let deadline: LoopInstant
    fileprivate let sequence: UInt64
    fileprivate var action: (() -> Void)?

    fileprivate init(deadline: LoopInstant, sequence: UInt64, action: @escaping () -> Void) {
        self.deadline = deadline
        self.sequence = sequence
        self.action = action
    }

    package var isCancelled: Bool { action == nil }

    /// Cancelling is O(1): the entry stays in the heap and is skipped when it comes up.
    package func cancel() {
        action = nil
    }

    func fire() {
        guard let action else { return }
        self.action = nil
        action()
    }
}

/// A binary min-heap of timers ordered by deadline, then by scheduling order.
///
/// A cancelled timer stays in the heap until it comes up or until the heap has doubled since it was
/// last swept: then the cancelled ones are dropped in one pass. Without the sweep, a timer cancelled
/// long before its deadline (a request's 10-minute response timeout, once the response came back)
/// would hold its memory until that deadline: millions of them under steady load.
struct TimerHeap {
    private var storage: [ScheduledTimer] = []
    private var nextSequence: UInt64 = 0
    /// The next sweep happens when the heap reaches this size (amortised O(1) per insert).
    private var sweepAt = 64

    var isEmpty: Bool { storage.isEmpty }

    /// The earliest deadline of a timer that is still armed, dropping cancelled ones on the way.
    mutating func earliestDeadline() -> LoopInstant? {
        while let first = storage.first, first.isCancelled {
            _ = removeFirst()
        }
        return storage.first?.deadline
    }

    mutating func insert(deadline: LoopInstant, action: @escaping () -> Void) -> ScheduledTimer {
        if storage.count >= sweepAt { sweepCancelled() }
        let timer = ScheduledTimer(deadline: deadline, sequence: nextSequence, action: action)
        nextSequence &+= 1
        storage.append(timer)
        siftUp(storage.count - 1)
        return timer
    }

    /// The earliest timer due at `now`, removed from the heap. The loop fires it outside any access
    /// to the heap, since a firing timer may schedule others.
    mutating func popDue(now: LoopInstant) -> ScheduledTimer? {
        guard let first = storage.first, first.deadline <= now else { return nil }
        return removeFirst()
    }

    /// Drops every cancelled timer and restores the heap order.
    private mutating func sweepCancelled() {
        storage.removeAll { $0.isCancelled }
        var parent = storage.count / 2
        while parent > 0 {
            parent -= 1
            siftDown(parent)
        }
        sweepAt = max(64, 2 * storage.count)
    }

    private static func ordered(_ a: ScheduledTimer, before b: ScheduledTimer) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence
    }

    private mutating func removeFirst() -> ScheduledTimer {
        let first = storage[0]
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(0)
        }
        return first
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.ordered(storage[child], before: storage[parent]) else { return }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < storage.count else { return }
            var smallest = left
            let right = left + 1
            if right < storage.count, Self.ordered(storage[right], before: storage[left]) { smallest = right }
            guard Self.ordered(storage[smallest], before: storage[parent]) else { return }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
