extension RequestHead {
    /// The index of the first field called `name`, ignoring ASCII case.
    package func firstIndex(ofField name: String) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            fields.firstIndex { ASCII.equalsIgnoringCase(UnsafeBufferPointer(rebasing: buffer[$0.name]), name) }
        }
    }

    /// The value of the first field called `name`, ignoring ASCII case.
    package func firstValue(ofField name: String) -> ArraySlice<UInt8>? {
        firstIndex(ofField: name).map { value(at: $0) }
    }

    /// Whether the field at `index` is called `name`, ignoring ASCII case.
    package func field(at index: Int, isNamed name: String) -> Bool {
        bytes.withUnsafeBufferPointer {
            ASCII.equalsIgnoringCase(UnsafeBufferPointer(rebasing: $0[fields[index].name]), name)
        }
    }
}
