/// `source: "file"`: a token file written by someone else (a Kubernetes projected token, a sidecar),
/// re-read when it changes.
package struct FileCredentialSource: Equatable, Sendable, CredentialSourceDetails {
    /// Absolute.
    package var path: String

    package init(path: String) {
        self.path = path
    }

    var summary: String { "file \(path)" }
    var secretReferences: [SecretReference] { [] }

    static let kind = CredentialSourceKind(name: "file", keys: ["path"]) { object in
        object.required("path") { try PathSyntax.absoluteFile(try $0.string()) }.map { .file(Self(path: $0)) }
    }
}
