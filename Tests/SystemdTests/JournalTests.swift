import TestSupport
import Testing

/// `sd_journal_sendv` always writes to /run/systemd/journal/socket. The child runs in a mount
/// namespace of its own (`unshare -m`, which needs root, as the tests and CI run) where /run is an
/// empty tmpfs and that path is a symlink to a datagram socket the test owns: the test reads the
/// exact bytes journald would get, and the machine's /run is untouched.
@Suite("Journal")
struct JournalTests {
    @Test("An entry reaches journald's socket with its fields, a multi-line value kept as one field")
    func nativeProtocol() throws {
        let journal = try NotifySocket()
        let script = """
            mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal \
            && ln -s "$JOURNAL_TEST_SOCKET" /run/systemd/journal/socket && exec "$0" "$@"
            """
        let output = try SystemdTool.run(
            ["journal", "refresh failed", "4", "credential=k8s", #"detail=issuer answered 500\nretry in 8s"#],
            environment: ["JOURNAL_TEST_SOCKET": journal.path], through: "unshare",
            wrapperArguments: ["-m", "/bin/sh", "-c", script])
        #expect(output == ["sent"])

        // sd_journal_print(3)'s native protocol: NAME=value lines; a value with a line break is sent
        // as NAME, a newline, its length as 64-bit little endian, the bytes and a newline.
        let detail = "issuer answered 500\nretry in 8s"
        let length = withUnsafeBytes(of: UInt64(detail.utf8.count).littleEndian) { Array($0) }
        let expected =
            Array("MESSAGE=refresh failed\nPRIORITY=4\nSYSLOG_IDENTIFIER=bearerd\nBEARERD_CREDENTIAL=k8s\n".utf8)
            + Array("BEARERD_DETAIL\n".utf8) + length + Array(detail.utf8) + [0x0A]
        #expect(try journal.receive() == String(decoding: expected, as: UTF8.self))
    }
}
