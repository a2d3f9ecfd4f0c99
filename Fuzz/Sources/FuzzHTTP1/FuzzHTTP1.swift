import HTTP1

/// Limits small enough that short inputs reach every limit check.
let tightLimits = HTTPParserLimits(
    maxRequestLineBytes: 40, maxHeaderBytes: 80, maxHeaderCount: 3, maxBodyBytes: 40, maxLeadingEmptyLines: 1,
    maxChunkLineBytes: 12)

/// Inputs up to this size are also fed one byte at a time (quadratic in the caller's buffer copies).
let dripFeedLimit = 256

/// Parses the input whole, then split in two at a point set by its first byte (0x00 at the start,
/// 0xFF at the end), then byte by byte if short; with the default limits and with tight ones. Every
/// way must give the same heads, bodies, ends and errors.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTTP1(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first else { return 0 }
    let cut = input.count * Int(first) / 255
    for limits in [HTTPParserLimits(), tightLimits] {
        var whole = Transcript(limits: limits)
        whole.feed(input[...])
        var split = Transcript(limits: limits)
        split.feed(input[..<cut])
        split.feed(input[cut...])
        require(split.milestones == whole.milestones,
                "split at \(cut): \(split.milestones) != whole: \(whole.milestones)")
        if input.count <= dripFeedLimit {
            var drip = Transcript(limits: limits)
            for index in input.indices {
                drip.feed(input[index...index])
            }
            require(drip.milestones == whole.milestones,
                    "byte by byte: \(drip.milestones) != whole: \(whole.milestones)")
        }
    }
    return 0
}
