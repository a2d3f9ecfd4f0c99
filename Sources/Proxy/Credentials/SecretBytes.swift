import TokenCore

/// Request bytes that hold secrets (a form body, a Basic credential), built straight from
/// `Secret.withRevealedBytes` into memory this type owns: it grows by copying and overwriting the old
/// buffer, and overwrites its buffer when it goes away, so no copy is left behind for the allocator
/// to hand out.
struct SecretBytes: ~Copyable, ByteSink {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(capacity: Int) {
        storage = .allocate(capacity: max(capacity, 16))
        storage.initialize(repeating: 0)
    }

    deinit {
        storage.update(repeating: 0)
        storage.deallocate()
    }

    mutating func append(_ byte: UInt8) {
        if count == storage.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
            larger.initialize(repeating: 0)
            _ = larger.update(fromContentsOf: storage)
            storage.update(repeating: 0)
            storage.deallocate()
            storage = larger
        }
        storage[count] = byte
        count += 1
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    mutating func append(_ secret: Secret) {
        secret.withRevealedBytes { for byte in $0 { append(byte) } }
    }

    /// Appends `secret` form-encoded (see `FormEncoding`).
    mutating func appendFormEncoded(_ secret: Secret) {
        secret.withRevealedBytes { FormEncoding.append($0, to: &self) }
    }

    mutating func appendFormEncoded(_ text: String) {
        FormEncoding.append(text.utf8, to: &self)
    }

    /// Appends `secret` as the inside of a JSON string.
    mutating func appendJSONEscaped(_ secret: Secret) {
        secret.withRevealedBytes { JSONString.appendEscaped($0, to: &self) }
    }

    mutating func appendJSONEscaped(_ text: String) {
        JSONString.appendEscaped(text.utf8, to: &self)
    }

    /// Appends the Base64 of `other`'s bytes.
    mutating func appendBase64(of other: borrowing SecretBytes) {
        Base64.append(UnsafeBufferPointer(rebasing: other.storage[..<other.count]), to: &self)
    }

    var secret: Secret { Secret(bytes: UnsafeBufferPointer(rebasing: storage[..<count])) }
}

/// Where encoders write bytes: a `SecretBytes`, or an array in tests.
protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {}
