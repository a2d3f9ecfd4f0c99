import Systemd
import Testing

@Suite("JournalStream")
struct JournalStreamTests {
    @Test("stderr is the journal when JOURNAL_STREAM names its device and inode")
    func stderrMatches() throws {
        // stat(1) reads the device and inode of the shell's stderr (a pipe), as systemd would write them.
        let output = try SystemdTool.runInShell(
            #"JOURNAL_STREAM=$(stat -L -c %d:%i /proc/$$/fd/2) exec "$0" "$@""#, ["journal-stream"])
        #expect(output == ["connected"])
    }

    @Test("An inherited JOURNAL_STREAM naming another stream does not count")
    func otherStream() throws {
        let output = try SystemdTool.runInShell(
            #"JOURNAL_STREAM=$(stat -L -c %d:%i /proc/$$/fd/1) exec "$0" "$@""#, ["journal-stream"])
        #expect(output == ["not connected"])
    }

    @Test("Without JOURNAL_STREAM stderr is not the journal")
    func unset() throws {
        #expect(try SystemdTool.run(["journal-stream"]) == ["not connected"])
    }

    @Test("JOURNAL_STREAM is two decimal numbers separated by a colon")
    func parsesDeviceAndInode() throws {
        let parsed = try #require(JournalStream.parse("64769:1234567"))
        #expect(parsed.device == 64769)
        #expect(parsed.inode == 1_234_567)
        let largest = try #require(JournalStream.parse("18446744073709551615:0"))
        #expect(largest.device == UInt64.max)
    }

    @Test(
        "Anything else in JOURNAL_STREAM is not a stream",
        arguments: [
            "", "12", "12:", ":34", "1:2:3", "+1:2", "1:-2", " 1:2", "1:2\n", "a:b", "18446744073709551616:1",
            "１:2",
        ])
    func rejectsMalformed(value: String) {
        #expect(JournalStream.parse(value) == nil)
        #expect(!JournalStream.isConnected(fd: 2, journalStream: value))
    }
}
