import EventLoop
import Proxy

/// `bearerd demo`: the embedded default. A token issuer, an echo upstream and the proxy in one
/// process, so a newcomer sees a credential injected, and refreshed, within seconds, without writing
/// a configuration.
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
            let echo = try DemoServer(loop: loop) { DemoEcho.answer($0, bodyBytes: $1) }
            let tokens = DemoIssuer()
            let issuer = try DemoServer(loop: loop) { tokens.answer($0, bodyBytes: $1) }
            let text = configuration(listen: listen, echoPort: echo.port, issuerPort: issuer.port)
            let loaded: ConfigurationFile.Loaded
            switch ConfigurationFile.parse(Array(text.utf8), origin: "demo configuration", environment: [:]) {
            case .success(let value): loaded = value
            case .failure(let error):
                Output.error("bearerd demo: the embedded configuration is invalid:\n\(error)")
                return ExitStatus.failure
            }
            let daemon = try Daemon(
                configuration: loaded.configuration, environment: [:], logger: logger, sharedLoop: loop)
            let proxyAddress = try daemon.bindListeners().first?.description ?? listen
            Output.print("""
                bearerd demo: proxy on \(proxyAddress) with the route /echo/, an echo upstream on
                127.0.0.1:\(echo.port) and a token issuer on 127.0.0.1:\(issuer.port) whose tokens live \(tokens.lifetime) s.

                Try:
                  curl "http://\(proxyAddress)/echo/hello?name=agent"

                The echo answers with the request it received: the Authorization header bearerd injected
                (masked) and the token's generation. Curl again after \(tokens.lifetime) s: the generation has
                grown, because bearerd fetched a fresh token in the background at 80% of the old one's
                lifetime, and no request waited for it. Ctrl-C stops the demo.

                """)
            return RunCommand.run(daemon, logger: logger)
        } catch {
            Output.error("bearerd demo: \(error)")
            return ExitStatus.failure
        }
    }

    private static func configuration(listen: String, echoPort: UInt16, issuerPort: UInt16) -> String {
        """
        {
          listen: ["\(listen)"],
          credentials: {
            demo: { source: "http", url: "http://127.0.0.1:\(issuerPort)/token" },
          },
          routes: [
            { path: "/echo/", upstream: "http://127.0.0.1:\(echoPort)/", credential: "demo" },
          ],
        }
        """
    }
}
