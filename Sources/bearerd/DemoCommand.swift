import EventLoop
import Proxy

/// `bearerd demo`: the embedded default. An echo upstream and the proxy in one process, so a newcomer
/// sees a credential injected within seconds, without writing a configuration.
enum DemoCommand {
    static let defaultListen = "127.0.0.1:8750"

    static func main(_ arguments: [String]) -> Int32 {
        var listen = defaultListen
        switch arguments.count {
        case 0: break
        case 2 where arguments[0] == "--listen": listen = arguments[1]
        default:
            Output.error("bearerd demo: unexpected arguments; see bearerd demo --help")
            return ExitStatus.usage
        }
        let logger = Logger(level: .info)
        do {
            let loop = try EventLoop()
            let echo = try DemoEchoServer(loop: loop)
            let token = demoToken()
            let text = configuration(listen: listen, echoPort: echo.port, token: token)
            let loaded: ConfigurationFile.Loaded
            switch ConfigurationFile.parse(Array(text.utf8), origin: "demo configuration", environment: [:]) {
            case .success(let value): loaded = value
            case .failure(let error):
                Output.error("bearerd demo: the embedded configuration is invalid:\n\(error)")
                return ExitStatus.failure
            }
            let daemon = try Daemon(configuration: loaded.configuration, environment: [:], logger: logger, sharedLoop: loop)
            let proxyAddress = try daemon.bindListeners().first?.description ?? listen
            Output.print("""
                bearerd demo: echo upstream on 127.0.0.1:\(echo.port), proxy on \(proxyAddress), route /echo/

                Try:
                  curl "http://\(proxyAddress)/echo/hello?name=agent"

                The echo answers with the request it received: look for the Authorization header that
                bearerd injected (shown as \(DemoMask.masked("Bearer " + token))). Ctrl-C stops the demo.

                """)
            return RunCommand.run(daemon, logger: logger)
        } catch {
            Output.error("bearerd demo: \(error)")
            return ExitStatus.failure
        }
    }

    /// A fresh random token per run: nothing secret is built into the binary.
    private static func demoToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<24).map { _ in String(generator.next(upperBound: UInt8(16)), radix: 16) }.joined()
        return "demo-" + hex
    }

    private static func configuration(listen: String, echoPort: UInt16, token: String) -> String {
        """
        {
          listen: ["\(listen)"],
          credentials: {
            demo: { source: "static", value: "\(token)" },
          },
          routes: [
            { path: "/echo/", upstream: "http://127.0.0.1:\(echoPort)/", credential: "demo" },
          ],
        }
        """
    }
}
