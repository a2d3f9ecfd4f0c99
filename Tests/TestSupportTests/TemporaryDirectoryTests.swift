import Glibc
import TestSupport
import Testing

@Suite("TemporaryDirectory")
struct TemporaryDirectoryTests {
    @Test("A temporary directory and its files are removed when it goes away")
    func temporaryDirectoryCleansUp() throws {
        var directory: TemporaryDirectory? = try TemporaryDirectory()
        let file = try directory!.write("config.json5", "{}", mode: 0o640)
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o640)

        directory = nil
        #expect(access(file, F_OK) != 0)
    }
}
