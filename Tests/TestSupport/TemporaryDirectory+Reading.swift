extension TemporaryDirectory {
    /// The contents of `name` inside the directory (written by a process under test).
    package func read(_ name: String) throws -> [UInt8] {
        try readFile(path(name))
    }
}
