import Glibc
import TestSupport
import Testing

/// `source: "file"` through the real bearerd: a token file rotated by someone else.
@Suite struct FileSourceTests {
    @Test func aTokenFileReplacedByARenameIsPickedUpWithoutARestart() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-file")
        let path = try directory.write("token", "file-token-1\n")
        let proxy = try CredentialProxy(credential: #"source: "file", path: \#(json5(path))"#)
        #expect(try proxy.injected() == "Bearer file-token-1")

        // A writer that replaces the file whole, as an agent that refreshes it should.
        let next = try directory.write("token.next", "file-token-2\n")
        #expect(rename(next, path) == 0)

        _ = try proxy.eventually("the rotated token") { try proxy.injected() == "Bearer file-token-2" ? true : nil }
        proxy.expectNeverPrinted(["file-token-1", "file-token-2"])
    }

    @Test func aProjectedTokenSwappedThroughItsDataSymlinkIsPickedUp() throws {
        // The layout of a Kubernetes projected volume: token -> ..data/token, ..data -> ..<timestamp>.
        let directory = try TemporaryDirectory(prefix: "bearerd-file")
        #expect(mkdir(directory.path("..v1"), 0o700) == 0)
        try directory.write("..v1/token", "projected-1")
        #expect(symlink("..v1", directory.path("..data")) == 0)
        #expect(symlink("..data/token", directory.path("token")) == 0)
        let proxy = try CredentialProxy(credential: #"source: "file", path: \#(json5(directory.path("token")))"#)
        #expect(try proxy.injected() == "Bearer projected-1")

        #expect(mkdir(directory.path("..v2"), 0o700) == 0)
        try directory.write("..v2/token", "projected-2")
        #expect(symlink("..v2", directory.path("..data_tmp")) == 0)
        #expect(rename(directory.path("..data_tmp"), directory.path("..data")) == 0)

        _ = try proxy.eventually("the swapped token") { try proxy.injected() == "Bearer projected-2" ? true : nil }
    }

    @Test func aTokenFileThatIsMissingAtFirstIsUsedOnceItAppears() throws {
        let directory = try TemporaryDirectory(prefix: "bearerd-file")
        let proxy = try CredentialProxy(
            credential:
                #"source: "file", path: \#(json5(directory.path("token"))), retry: { base: "50ms", max: "100ms" }"#)
        #expect(try proxy.unavailable().contains("cannot read \(directory.path("token"))"))

        try directory.write("token", "late-token")
        _ = try proxy.eventually("the late token") { try proxy.injected() == "Bearer late-token" ? true : nil }
    }
}
