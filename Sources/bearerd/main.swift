import Glibc
import EventLoop
import Proxy

// Signals are handled on the event loop (signalfd); block them before any thread exists so that
// no thread libcurl starts later receives them instead. A client gone mid-write is an EPIPE, not a
// reason to die.
SignalSource.block(Daemon.handledSignals)
signal(SIGPIPE, SIG_IGN)

exit(BearerdCommand.main(Array(CommandLine.arguments.dropFirst())))
