import Config
import Testing

@Suite struct ListenTests {
    static let badHost =
        "the host must be an IPv4 address, an IPv6 address in brackets or localhost (names are not resolved)"

    @Test func everyFormOfListenAddressIsRead() throws {
        let text = """
            { listen: [
                "127.0.0.1:8750", "[::1]:8750", "localhost:0", "LocalHost:0", "[::ffff:127.0.0.2]:1",
                "unix:/run/a.sock", { address: "unix:/run/b.sock", mode: "0600" }, { address: "unix:/run/c.sock" },
                { address: "127.0.0.1:9", mode: "0600" },
            ] }
            """
        let errors = problems(text)
        #expect(errors.map { "\($0.path): \($0.message)" } == ["listen[8].mode: only a unix: address has a mode"])
        let valid = text.replacing(#"{ address: "127.0.0.1:9", mode: "0600" },"#, with: "")
        let listeners = try #require(parsed(valid)).configuration.listeners
        #expect(
            listeners == [
                .tcp(host: .ipv4([127, 0, 0, 1]), port: 8750),
                .tcp(host: .ipv6([UInt8](repeating: 0, count: 15) + [1]), port: 8750),
                .tcp(host: .localhost, port: 0),
                .tcp(host: .localhost, port: 0),
                .tcp(host: .ipv6([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 127, 0, 0, 2]), port: 1),
                .unix(path: "/run/a.sock", mode: 0o660),
                .unix(path: "/run/b.sock", mode: 0o600),
                .unix(path: "/run/c.sock", mode: 0o660),
            ])
        #expect(
            listeners.map(\.description) == [
                "127.0.0.1:8750", "[::1]:8750", "localhost:0", "localhost:0", "[::ffff:7f00:2]:1", "unix:/run/a.sock",
                "unix:/run/b.sock", "unix:/run/c.sock",
            ])
        #expect(listeners.allSatisfy { $0.isLoopback })
    }

    @Test(arguments: [
        (#""127.0.0.1""#, #"listen[0]: expected "host:port" or "unix:/absolute/path""#),
        (#""127.0.0.1:65536""#, "listen[0]: the port must be a number 0...65535"),
        (#""127.0.0.1:08750""#, "listen[0]: the port must be a number 0...65535"),
        (#""127.0.0.1:-1""#, "listen[0]: the port must be a number 0...65535"),
        (#""::1:8750""#, "listen[0]: write an IPv6 address in brackets: [::1]:8750"),
        (
            #""[::1::2]:80""#,
            "listen[0]: " + ListenTests.badHost
        ),
        (
            #""devbox.local:80""#,
            "listen[0]: " + ListenTests.badHost
        ),
        (
            #""127.0.0.01:80""#,
            "listen[0]: " + ListenTests.badHost
        ),
        (
            #""256.0.0.1:80""#,
            "listen[0]: " + ListenTests.badHost
        ),
        (#""unix:run/a.sock""#, "listen[0]: a Unix socket path must be absolute"),
        (#""unix:@abstract""#, "listen[0]: abstract Unix sockets are not supported; use an absolute path"),
        (#"{ address: "unix:/a", mode: "0777x" }"#, #"listen[0].mode: expected an octal string like "0660""#),
        (#"{ address: "unix:/a", mode: "1777" }"#, #"listen[0].mode: expected an octal string like "0660""#),
        (#"{ address: "unix:/a", mode: 660 }"#, #"listen[0].mode: expected an octal string like "0660""#),
        (#"{ address: "127.0.0.1:1", mode: "0660" }"#, "listen[0].mode: only a unix: address has a mode"),
        (#"{ mode: "0660" }"#, "listen[0].address: required key missing"),
        (#"{ adress: "unix:/a" }"#, #"listen[0].adress: unknown key; did you mean "address"?"#),
        ("8750", #"listen[0]: expected a string like "127.0.0.1:8750" or an object { address, mode }"#),
    ])
    func aBadListenEntryIsRefused(entry: String, expected: String) {
        #expect(pathsAndMessages("{ listen: [\(entry)] }") == [expected])
    }

    @Test func aUnixPathMustFitInSunPath() throws {
        let fits = "/" + String(repeating: "a", count: 106)
        #expect(
            try #require(parsed(#"{ listen: ["unix:\#(fits)"] }"#)).configuration.listeners == [
                .unix(path: fits, mode: 0o660)
            ])
        #expect(
            pathsAndMessages(#"{ listen: ["unix:\#(fits)a"] }"#) == [
                "listen[0]: a Unix socket path must be shorter than 108 bytes"
            ])
    }

    @Test func duplicateAddressesAreRefusedButEphemeralPortsMayRepeat() throws {
        let text =
            #"{ listen: ["127.0.0.1:8750", "[0:0::1]:1", "unix:/a", "127.0.0.1:8750", "[::1]:1", "#
            + #"{ address: "unix:/a", mode: "0600" }] }"#
        #expect(
            pathsAndMessages(text) == [
                "listen[3]: the same address as listen[0]",
                "listen[4]: the same address as listen[1]",
                "listen[5]: the same address as listen[2]",
            ])
        #expect(try #require(parsed(#"{ listen: ["127.0.0.1:0", "127.0.0.1:0"] }"#)).configuration.listeners.count == 2)
    }

    @Test func anEmptyListenListIsRefused() {
        #expect(pathsAndMessages("{ listen: [] }") == ["listen: must list at least one address"])
    }

    @Test func aNonLoopbackAddressIsAllowedWithAWarning() throws {
        let result = try #require(
            parsed(#"{ listen: ["127.0.0.1:1", "0.0.0.0:8750", "[::]:8750", "192.168.1.5:80"] }"#))
        #expect(
            result.warnings.map { "\($0.path): \($0.message)" }.filter { !$0.hasPrefix("routes") } == [
                "listen[1]: 0.0.0.0:8750 is not a loopback address; anyone who can reach it can use the credentials",
                "listen[2]: [::]:8750 is not a loopback address; anyone who can reach it can use the credentials",
                "listen[3]: 192.168.1.5:80 is not a loopback address; anyone who can reach it can use the credentials",
            ])
    }

    @Test func ipv6AddressesPrintInTheirShortestForm() throws {
        let text =
            #"{ listen: ["[2001:DB8:0:0:0:0:2:1]:1", "[2001:db8::1:0:0:1]:2", "[1:0:0:2:0:0:0:3]:3", "[::]:4"] }"#
        let listeners = try #require(parsed(text)).configuration.listeners
        #expect(
            listeners.map(\.description) == ["[2001:db8::2:1]:1", "[2001:db8::1:0:0:1]:2", "[1:0:0:2::3]:3", "[::]:4"])
    }
}
