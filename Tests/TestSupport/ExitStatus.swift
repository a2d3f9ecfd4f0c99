/// How a child process ended.
package enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    /// Decodes a wait status (the WIFEXITED and WTERMSIG macros are not imported into Swift).
    init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    package var description: String {
        switch self {
        case .exited(let code): "exit code \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// What a child that ran to completion left behind.
package struct ChildResult: Sendable {
    package var status: ExitStatus
    package var stdout: String
    package var stderr: String
}
