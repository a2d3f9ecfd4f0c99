import EventLoop
import Glibc
import Proxy

// Signals are handled on the event loop (signalfd); block them before any thread exists so that
// no thread libcurl starts later receives them instead. A client gone mid-write is an EPIPE, not a
// reason to die.
SignalSource.block(Daemon.handledSignals)
signal(SIGPIPE, SIG_IGN)

// Each client connection takes a descriptor, and so does each upstream connection: the usual soft
// limit of 1024 would refuse connections long before memory runs short. Raise it to the hard limit
// (as nginx's worker_rlimit_nofile would; systemd's default hard limit is 524288).
var openFiles = rlimit()
if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &openFiles) == 0, openFiles.rlim_cur < openFiles.rlim_max {
    openFiles.rlim_cur = openFiles.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &openFiles)
}

exit(BearerdCommand.main(Array(CommandLine.arguments.dropFirst())))
