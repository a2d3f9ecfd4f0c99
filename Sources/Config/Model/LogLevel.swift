/// How much bearerd logs.
package enum LogLevel: String, Equatable, Sendable, CaseIterable {
    case debug
    case info
    case warning
    case error
}
