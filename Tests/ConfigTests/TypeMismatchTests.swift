import Config
import Testing

@Suite struct TypeMismatchTests {
    @Test(arguments: [
        (#"{ logLevel: 3 }"#, "logLevel: expected a string"),
        (#"{ listen: "127.0.0.1:8750" }"#, "listen: expected an array"),
        (#"{ limits: [] }"#, "limits: expected an object"),
        (#"{ limits: { headerCount: "100" } }"#, "limits.headerCount: expected a number"),
        (#"{ limits: { headerCount: 1.5 } }"#, "limits.headerCount: expected a whole number"),
        (#"{ limits: { headerCount: 0 } }"#, "limits.headerCount: must be positive"),
        (#"{ allowedHosts: ["a.example", true] }"#, "allowedHosts[1]: expected a string"),
        (#"{ allowedHosts: ["a.example", null] }"#, "allowedHosts[1]: expected a string, found null"),
        (#"{ credentials: [] }"#, "credentials: expected an object"),
        (#"{ credentials: { a: "x" } }"#, "credentials.a: expected an object"),
        (#"{ routes: [ 1 ] }"#, "routes[0]: expected an object"),
        (#"{ routes: null }"#, "routes: null is not allowed; leave the key out to use the default"),
    ])
    func aValueOfTheWrongTypeNamesTheExpectedType(text: String, expected: String) {
        #expect(pathsAndMessages(text) == [expected])
    }

    @Test func aTopLevelArrayIsNotAConfiguration() {
        #expect(problems("[]").map(\.description) == ["line 1, column 1: expected an object"])
    }
}
