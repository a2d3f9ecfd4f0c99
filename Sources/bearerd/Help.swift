/// Help texts, one per command.
enum Help {
    static let overview = """
        bearerd: a local authenticating reverse proxy. Agents call http://127.0.0.1:8750/<route>/;
        bearerd adds a fresh credential and forwards the request to the route's upstream.

        Usage: bearerd <command> [options]

        Commands:
          run       serve with a configuration file (default /etc/bearerd/bearerd.json5)
          check     validate a configuration file and print what it configures
          demo      run a self-contained demo: an echo upstream and the proxy on 127.0.0.1:8750
          version   print the version

        `bearerd <command> --help` describes a command.
        """

    static func text(for command: String) -> String? {
        switch command {
        case "run": """
            Usage: bearerd run [--config FILE]

            Serves until SIGTERM or SIGINT, logging to stderr. FILE defaults to
            /etc/bearerd/bearerd.json5. Exit status: 0 after a clean stop, 1 when it cannot serve
            (a port in use, ...), 2 when the configuration is invalid.
            """
        case "check": """
            Usage: bearerd check [--config FILE]

            Reads FILE as bearerd run would (secrets included: a missing environment variable is an
            error), prints the listeners, credentials and routes it understood and any warnings, and
            exits 0 when it is valid, 1 when it is not. Secrets are never printed.
            """
        case "demo": """
            Usage: bearerd demo [--listen ADDRESS]

            Starts, in one process, an echo upstream on a free loopback port and the proxy on
            127.0.0.1:8750 (or ADDRESS, e.g. 127.0.0.1:0 for any free port) with the route /echo/ and a
            generated demo credential, then prints a curl command to try. The echo answers with the
            request it received, the injected credential masked to its first and last 4 characters.
            Ctrl-C stops it.
            """
        case "version": """
            Usage: bearerd version

            Prints bearerd's version and the libcurl it uses.
            """
        default: nil
        }
    }
}
