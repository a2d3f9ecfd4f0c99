/// The keys every issuer source has for its connection: `caFile` and `proxy`.
enum IssuerConnection {
    static func decode(_ object: inout ObjectReader) -> (caFile: String?, proxy: ProxyURL?) {
        let caFile = object.optional("caFile") { try PathSyntax.absoluteFile($0.string()) }
        let proxy = object.optional("proxy") { try ProxyURL(parsing: $0.string()) }
        return (caFile, proxy)
    }

    static func summary(caFile: String?, proxy: ProxyURL?) -> [String] {
        (caFile.map { ["ca \($0)"] } ?? []) + (proxy.map { ["proxy \($0)"] } ?? [])
    }
}
