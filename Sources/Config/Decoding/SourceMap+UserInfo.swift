extension CodingUserInfoKey {
    /// The `SourceMap` of the document being decoded, for what JSONDecoder forgets (key order).
    /// The initializer fails only for an empty raw value.
    static let sourceMap = CodingUserInfoKey(rawValue: "bearerd.config.sourceMap")!
}

extension ObjectReader {
    /// The object's keys in the order the file writes them; sorted if no source map was given.
    func keysInSourceOrder(_ decoder: any Decoder) -> [String] {
        let present = keys
        guard let sourceMap = decoder.userInfo[.sourceMap] as? SourceMap,
            let order = sourceMap.keyOrder[path]
        else { return present }
        let written = order.filter(present.contains)
        return written + present.filter { !written.contains($0) }
    }
}
