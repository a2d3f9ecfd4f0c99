import Glibc
import TestSupport
import Testing

/// Bodies flow through as they arrive, in both directions, with bounded memory.
@Suite struct StreamingTests {
    static let fiftyMiB = 50 * 1024 * 1024

    @Test func anEventReachesTheClientBeforeTheUpstreamSendsTheNextOne() throws {
        let feed = StreamFeed()
        let proxy = try ProxyFixture(upstream: try TestUpstream(handler: TestUpstream.serverSentEvents(feed)))
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/events", headers: [HeaderField("Accept", "text/event-stream")])
        feed.sendEvent("first")
        let head = try client.readResponseHead()
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == "text/event-stream")
        // Only the first event exists upstream; it must arrive on its own.
        guard case .chunk(let first) = try client.readChunk(timeout: .seconds(10)) else {
            Issue.record("no first event")
            return
        }
        #expect(first.text == "data: first\n\n")
        #expect(feed.writtenCount == 1)
        feed.sendEvent("second")
        guard case .chunk(let second) = try client.readChunk(timeout: .seconds(10)) else {
            Issue.record("no second event")
            return
        }
        #expect(second.text == "data: second\n\n")
        feed.finish()
        #expect(try client.readChunk() == .last(extensions: "", trailers: []))
    }

    @Test func fiftyMebibytesDownloadWithBoundedMemory() throws {
        let proxy = try ProxyFixture(upstream: try TestUpstream(handler: TestUpstream.largeBody(Self.fiftyMiB)))
        let before = try proxy.bearerd.rssKiB()
        let response = try proxy.client().get("/api/large", timeout: .seconds(60))
        #expect(response.status == 200)
        #expect(response.bodyDigest == PatternBody.digest(count: Self.fiftyMiB))
        let growth = try proxy.bearerd.peakRSSKiB() - before
        #expect(growth < 16 * 1024, "peak RSS grew by \(growth) KiB for a 50 MiB download")
    }

    @Test func fiftyMebibytesUploadWithBoundedMemory() throws {
        let upstream = try TestUpstream(bodyMode: .count)
        let proxy = try ProxyFixture(upstream: upstream)
        let before = try proxy.bearerd.rssKiB()
        let body = PatternBody.bytes(count: Self.fiftyMiB)
        let response = try proxy.client().post("/api/upload", body: body, timeout: .seconds(60))
        #expect(response.status == 200)
        let request = try proxy.onlyRequest()
        #expect(request.bodyDigest == PatternBody.digest(count: Self.fiftyMiB))
        let growth = try proxy.bearerd.peakRSSKiB() - before
        #expect(growth < 16 * 1024, "peak RSS grew by \(growth) KiB for a 50 MiB upload")
    }

    @Test func aChunkedUploadOfUnknownLengthStreamsThrough() throws {
        let upstream = try TestUpstream(bodyMode: .count)
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        let pieces = (0..<64).map { PatternBody.bytes(offset: $0 * 65536, count: 65536) }
        try client.sendRequest(
            "POST", "/api/upload", headers: [HeaderField("Transfer-Encoding", "chunked")],
            body: TestClient.chunked(pieces))
        #expect(try client.readResponse(timeout: .seconds(20)).status == 200)
        #expect(try proxy.onlyRequest().bodyDigest == PatternBody.digest(count: 64 * 65536))
    }

    @Test func aClientThatHangsUpStopsTheUpstreamTransferWithinOneSecond() throws {
        let feed = StreamFeed()
        let upstream = try TestUpstream(handler: TestUpstream.serverSentEvents(feed))
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/stream")
        feed.sendEvent("token 1")
        _ = try client.readResponseHead()
        _ = try client.readChunk()
        client.close()
        try upstream.waitForPeerClose(connection: 1, timeout: .seconds(1))
    }

    @Test func aSlowClientPausesTheUpstreamInsteadOfBufferingEverything() throws {
        let count = 32 * 1024 * 1024
        let upstream = try TestUpstream(handler: TestUpstream.largeBody(count))
        let proxy = try ProxyFixture(upstream: upstream)
        let client = try proxy.client()
        try client.sendRequest("GET", "/api/large")
        _ = try client.readResponseHead()
        // Read nothing for a moment: the upstream must stall rather than bearerd holding the body.
        let before = try proxy.bearerd.rssKiB()
        let stalled = try? upstream.waitForRequests(2, timeout: .milliseconds(500))
        #expect(stalled == nil)
        let during = try proxy.bearerd.rssKiB()
        #expect(during - before < 8 * 1024, "RSS grew by \(during - before) KiB while the client read nothing")
        var received = 0
        while received < count, let bytes = try client.readAvailable(timeout: .seconds(10)) {
            received += bytes.count
        }
        #expect(received >= count)
    }
}
