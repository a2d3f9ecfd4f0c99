/// Bytes waiting to be read or sent: a region `[readIndex, writeIndex)` of a fixed-size allocation that
/// grows only when asked to. Connections borrow these from a `BufferPool` while they have bytes in
/// flight and give them back when idle, so an idle keep-alive connection holds no buffer at all.
package struct IOBuffer {
    private(set) var storage: [UInt8]
    private(set) var readIndex = 0
    private(set) var writeIndex = 0

    init(capacity: Int) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    var readableCount: Int { writeIndex - readIndex }
    var isEmpty: Bool { readIndex == writeIndex }
    var capacity: Int { storage.count }
    var writableCount: Int { storage.count - writeIndex }

    /// Drops `count` bytes from the front.
    mutating func consume(_ count: Int) {
        readIndex += count
        if readIndex == writeIndex {
            readIndex = 0
            writeIndex = 0
        }
    }

    mutating func clear() {
        readIndex = 0
        writeIndex = 0
    }

    /// Makes room for `count` more bytes at the end: first by moving the unread bytes to the front,
    /// then by growing.
    mutating func reserveWritable(_ count: Int) {
        if writableCount >= count { return }
        if readIndex > 0 {
            let unread = readableCount
            storage.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + readIndex, byteCount: unread)
            }
            readIndex = 0
            writeIndex = unread
            if writableCount >= count { return }
        }
        var newCapacity = max(storage.count, 1024)
        while newCapacity - writeIndex < count { newCapacity *= 2 }
        // A new allocation that takes only the unread bytes: growing the array instead copied the
        // whole old storage and zero-filled the new part, at every doubling of a streamed response.
        let unread = readableCount
        let old = storage
        let start = readIndex
        storage = [UInt8](unsafeUninitializedCapacity: newCapacity) { raw, initialized in
            old.withUnsafeBytes { bytes in
                UnsafeMutableRawBufferPointer(raw).copyMemory(from: .init(rebasing: bytes[start..<(start + unread)]))
            }
            // Bytes past `writeIndex` are written before they are read; UInt8 needs no initialisation.
            initialized = newCapacity
        }
        readIndex = 0
        writeIndex = unread
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        reserveWritable(bytes.count)
        storage.withUnsafeMutableBytes { raw in
            (raw.baseAddress! + writeIndex).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        writeIndex += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func append(_ string: StaticString) {
        append(UnsafeRawBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Lets `body` fill the free space at the end; it returns how many bytes it wrote.
    mutating func withWritableSpace(_ body: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        let start = writeIndex
        let written = storage.withUnsafeMutableBytes { raw in
            body(UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
        }
        writeIndex += written
        return written
    }

    func withReadableBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.withUnsafeBytes { raw in
            body(UnsafeRawBufferPointer(rebasing: raw[readIndex..<writeIndex]))
        }
    }
}

/// Buffers kept for reuse, up to a bound, so that steady traffic allocates none and a burst that
/// ends gives its memory back.
package struct BufferPool {
    private var free: [IOBuffer] = []
    package let bufferSize: Int
    private let maxFree: Int

    package init(bufferSize: Int = 16 * 1024, maxFree: Int = 256) {
        self.bufferSize = bufferSize
        self.maxFree = maxFree
    }

    mutating func take() -> IOBuffer {
        free.popLast() ?? IOBuffer(capacity: bufferSize)
    }

    /// Takes a buffer back; one that grew past twice the normal size is dropped to return the memory.
    mutating func give(_ buffer: consuming IOBuffer) {
        guard free.count < maxFree, buffer.capacity <= 2 * bufferSize else { return }
        buffer.clear()
        free.append(buffer)
    }
}
