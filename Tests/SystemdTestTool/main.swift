import Glibc
import Systemd

// Runs the Systemd module's environment-driven calls in a process of their own, for SystemdTests:
// NOTIFY_SOCKET, LISTEN_*, WATCHDOG_* and JOURNAL_STREAM are read from the environment (libsystemd
// offers no other way), and setting them inside the test runner would race with its other threads.
// Prints one line per result on stdout; exits 1 on a usage error.
//
//   SystemdTestTool notify ready ready=STATUS reloading reloading=STATUS stopping stopping=STATUS
//                          status=TEXT watchdog extend=MICROSECONDS errno=CODE
//   SystemdTestTool listen-fds       fd=3 name=agent role=agent address=127.0.0.1:8750 nonblocking
//                                    cloexec, then env=LISTEN_FDS,LISTEN_PID (the variables left)
//   SystemdTestTool watchdog         interval=30000000us ping=15000000us | disabled | error: ...
//   SystemdTestTool journal-stream   connected | not connected
//   SystemdTestTool journal MESSAGE PRIORITY [KEY=VALUE...]   sent | error: ...; \n in VALUE is a
//                                    line break

func output(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

func notify(_ operations: ArraySlice<String>) -> Int32 {
    let notifier = Notifier()
    for operation in operations {
        let (name, argument) = split(operation)
        do {
            let sent: Bool
            switch name {
            case "ready": sent = try notifier.ready(status: argument)
            case "reloading": sent = try notifier.reloading(status: argument)
            case "stopping": sent = try notifier.stopping(status: argument)
            case "status": sent = try notifier.status(argument ?? "")
            case "watchdog": sent = try notifier.watchdog()
            case "extend": sent = try notifier.extendTimeout(by: .microseconds(Int64(argument ?? "") ?? 0))
            case "errno": sent = try notifier.send([.errno(Int32(argument ?? "") ?? 0)])
            default:
                output("unknown operation \(operation)")
                return 1
            }
            output("\(name): \(sent ? "sent" : "not sent")")
        } catch {
            output("\(name): error: \(error)")
        }
    }
    return 0
}

func listenFDs() -> Int32 {
    do {
        for listener in try ListenFDs.take() {
            let flags = fcntl(listener.fd, F_GETFL)
            let descriptorFlags = fcntl(listener.fd, F_GETFD)
            output(
                "fd=\(listener.fd) name=\(listener.name) role=\(listener.role) address=\(listener.address)"
                    + (flags & O_NONBLOCK != 0 ? " nonblocking" : " blocking")
                    + (descriptorFlags & FD_CLOEXEC != 0 ? " cloexec" : " inherited"))
        }
    } catch {
        output("error: \(error)")
    }
    let names: [String] = ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"]
    let left = names.filter { getenv($0) != nil }
    output("env=\(left.joined(separator: ","))")
    return 0
}

func watchdog() -> Int32 {
    do {
        guard let watchdog = try Watchdog.fromEnvironment() else {
            output("disabled")
            return 0
        }
        output("interval=\(microseconds(watchdog.interval))us ping=\(microseconds(watchdog.pingInterval))us")
    } catch {
        output("error: \(error)")
    }
    return 0
}

func journal(_ arguments: ArraySlice<String>) -> Int32 {
    guard arguments.count >= 2, let level = Int32(arguments[arguments.startIndex + 1]),
        let priority = JournalPriority(rawValue: level)
    else {
        output("usage: journal MESSAGE PRIORITY [KEY=VALUE...]")
        return 1
    }
    var fields: [JournalField] = []
    for pair in arguments.dropFirst(2) {
        let (key, value) = split(pair)
        guard let name = JournalFieldName(bearerdKey: key) else {
            output("invalid key \(key)")
            return 1
        }
        fields.append(JournalField(name, (value ?? "").replacing("\\n", with: "\n")))
    }
    do {
        try Journal.send(JournalEntry(message: arguments[arguments.startIndex], priority: priority, fields: fields))
        output("sent")
    } catch {
        output("error: \(error)")
    }
    return 0
}

func journalStream() -> Int32 {
    output(JournalStream.isStderrConnectedToJournal() ? "connected" : "not connected")
    return 0
}

func usage() -> Int32 {
    output("usage: SystemdTestTool notify|listen-fds|watchdog|journal-stream|journal ...")
    return 1
}

func split(_ operation: String) -> (String, String?) {
    guard let equals = operation.firstIndex(of: "=") else { return (operation, nil) }
    return (String(operation[..<equals]), String(operation[operation.index(after: equals)...]))
}

func microseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
}

let arguments = CommandLine.arguments.dropFirst()
let status: Int32 =
    switch arguments.first {
    case "notify": notify(arguments.dropFirst())
    case "listen-fds": listenFDs()
    case "watchdog": watchdog()
    case "journal-stream": journalStream()
    case "journal": journal(arguments.dropFirst())
    default: usage()
    }
exit(status)
