/// "Did you mean" for misspelt keys, names and levels.
enum Suggestion {
    /// The largest edit distance that still counts as a typo.
    static let maximumDistance = 2

    /// The candidate closest to `input` within `maximumDistance` edits, ignoring case; ties go to the
    /// earlier candidate. Nil when nothing is close or `input` is itself a candidate.
    static func closest(to input: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(input.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != input {
            let known = Array(candidate.lowercased().unicodeScalars)
            guard abs(known.count - typed.count) <= maximumDistance else { continue }
            let distance = editDistance(typed, known)
            if distance <= maximumDistance, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `; did you mean "header"?`, or nothing.
    static func didYouMean(_ input: String, among candidates: some Sequence<String>) -> String {
        closest(to: input, among: candidates).map { "; did you mean \(ConfigurationPath.quoted($0))?" } ?? ""
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for (row, left) in lhs.enumerated() {
            current[0] = row + 1
            for (column, right) in rhs.enumerated() {
                let substitution = previous[column] + (left == right ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
