import Glibc
import HTTP1
import TokenCore

/// The demo's token endpoint: each POST mints a JWT-shaped token that lives `lifetime` (20 s), with
/// a `gen` claim counting the tokens issued, and answers like an OAuth2 server
/// (`access_token`, `token_type`, `expires_in`). With it `bearerd demo` shows refreshes happening
/// while the user curls. The token is not signed: nothing checks it but the demo's echo.
package final class DemoIssuer {
    package let lifetime: Int
    private var issued = 0

    package init(lifetime: Int = 20) {
        self.lifetime = lifetime
    }

    package func answer(_ head: RequestHead, bodyBytes: Int) -> DemoResponse {
        guard head.method == .post else {
            return DemoResponse(
                status: 405, body: #"{"error":"invalid_request","error_description":"POST a token request"}"#)
        }
        issued += 1
        let token = DemoToken.make(generation: issued, issuedAt: Int(time(nil)), lifetime: lifetime)
        return DemoResponse(body: #"{"access_token":"\#(token)","token_type":"Bearer","expires_in":\#(lifetime)}"#)
    }
}

/// The demo issuer's tokens: `header.payload.signature`, the payload carrying `iat`, `exp` and `gen`.
enum DemoToken {
    static func make(generation: Int, issuedAt: Int, lifetime: Int) -> String {
        let header = #"{"alg":"none","typ":"JWT"}"#
        let payload = #"{"iat":\#(issuedAt),"exp":\#(issuedAt + lifetime),"gen":\#(generation)}"#
        // A random "signature", so the masked token's last characters change with each token.
        let signature = String(UInt64.random(in: 1 << 60..<UInt64.max), radix: 16)
        return base64URL(header) + "." + base64URL(payload) + "." + signature
    }

    /// The `gen` claim of a demo token in an `Authorization` value, if it is one.
    static func generation(ofHeaderValue value: String) -> Int? {
        guard let token = value.split(separator: " ").last else { return nil }
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let payload = Base64URL.decode(segments[1].utf8),
              case .object(let claims)? = JSONValue.parse(payload), case .number(let number)? = claims["gen"]
        else { return nil }
        return Int(exactly: number)
    }

    private static func base64URL(_ text: String) -> String {
        var encoded: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { Base64.append($0, to: &encoded) }
        return String(decoding: encoded.compactMap { byte in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }, as: UTF8.self)
    }
}
