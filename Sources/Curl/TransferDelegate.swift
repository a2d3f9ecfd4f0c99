/// What the owner of a transfer does with the bytes libcurl hands over. All calls run on the loop
/// thread, from inside libcurl: they must not call back into the multi handle (no start, cancel or
/// unpause); they record what happened and return.
package protocol TransferDelegate: AnyObject {
    /// One header line as received, CRLF included: status lines of interim and final responses, fields,
    /// and the empty line that ends each head. Return false to abort the transfer.
    func headerLineReceived(_ line: UnsafeRawBufferPointer) -> Bool

    /// Response body bytes (never decoded: bearerd does not ask for content decoding).
    func bodyReceived(_ bytes: UnsafeRawBufferPointer) -> BodyReceipt

    /// Request body bytes to send: fill `buffer` from the front.
    func uploadBytesWanted(into buffer: UnsafeMutableRawBufferPointer) -> UploadReply

    /// The transfer ended; it is no longer in the multi handle.
    func transferFinished(_ outcome: TransferOutcome)
}

package enum BodyReceipt {
    /// All bytes were taken.
    case consumed
    /// None were taken; libcurl keeps them and delivers them again after `unpause`.
    case pause
    case abort
}

package enum UploadReply {
    case bytes(Int)
    /// Nothing available yet; call `unpause` when there is.
    case pause
    case end
    case abort
}

/// How a transfer ended.
package enum TransferOutcome: Sendable {
    case completed
    case failed(CurlError)
}
