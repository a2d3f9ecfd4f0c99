extension Duration {
    /// A duration as a person reads it in a log line, as Go prints durations: `4m12s`, `1h0m5s`,
    /// `8s`, `250ms`. At one second and above, the fraction of a second is dropped; below it, the
    /// fraction of a millisecond.
    package var compactDescription: String {
        if self < .zero {
            return "-" + (.zero - self).compactDescription
        }
        let (seconds, attoseconds) = components
        guard seconds > 0 else {
            return "\(attoseconds / 1_000_000_000_000_000)ms"
        }
        let hours = seconds / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        if hours > 0 {
            return "\(hours)h\(minutes)m\(rest)s"
        }
        return minutes > 0 ? "\(minutes)m\(rest)s" : "\(rest)s"
    }
}
