import FoundationEssentials

/// The JSON body the echo handlers of `TestUpstream` and `HTTPSUpstream` answer with: what the
/// upstream received, so a test asserts on it through bearerd's response.
package struct EchoReply: Codable, Sendable, Equatable {
    package var method: String
    package var target: String
    /// `[name, value]` pairs in order, as received.
    package var headers: [[String]]
    package var bodyLength: Int
    /// The body as UTF-8 text (invalid bytes replaced) when at most `bodyTextLimit` bytes and kept
    /// (not in counting mode), else nil.
    package var body: String?
    /// Which connection of the upstream it came on, counting from 1.
    package var connection: Int
    /// `http` or `https`.
    package var scheme: String

    static let bodyTextLimit = 65536

    package init(_ request: ReceivedRequest, scheme: String = "http") {
        method = request.method
        target = request.target
        headers = request.headers.map { [$0.name, $0.value] }
        bodyLength = request.bodyDigest.length
        let collected = request.body.count == request.bodyDigest.length
        body = collected && request.body.count <= Self.bodyTextLimit ? request.bodyText : nil
        connection = request.connectionID
        self.scheme = scheme
    }

    /// Decodes an echo body.
    package init(json: [UInt8]) throws {
        do {
            self = try JSONDecoder().decode(EchoReply.self, from: Data(json))
        } catch {
            throw TestSupportError(.protocolViolation, "not an echo reply (\(error)): \(quoted(json))")
        }
    }

    package func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding strings and integers cannot fail.
        return Array((try? encoder.encode(self)) ?? Data())
    }

    /// The header fields, in order.
    package var fields: [HeaderField] {
        headers.compactMap { $0.count == 2 ? HeaderField($0[0], $0[1]) : nil }
    }

    /// The first value of `name` (case-insensitive).
    package func header(_ name: String) -> String? { fields.value(of: name) }
}
