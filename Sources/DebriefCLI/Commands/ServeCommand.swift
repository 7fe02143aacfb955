import ArgumentParser
import DebriefModel
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// `debrief serve`: the site on a local web server, rebuilt and reloaded as files change.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it locally, rebuild and reload on every edit.",
        discussion: """
        Builds the site into a private temporary folder (public/ is not touched), serves it at \
        http://HOST:PORT/ and watches content, layouts and debrief.yml. After an edit only the \
        changed files are parsed again: the page of an edited postmortem is shown at once, \
        then the whole site is rebuilt in the background. Open pages reload themselves (a \
        small script that exists only in serve). A postmortem with problems lists them at the \
        top of its page. Ctrl-C stops the server and removes the folder.

        The server listens on the loopback address only, unless --host says otherwise.

        Examples:
          debrief serve
          debrief serve --port 8080 --as-of 2026-01-01
          debrief serve --root ~/incident-kb
        """
    )

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup public var asOf: AsOfOption

    @Option(name: .long, help: "Port to listen on.")
    public var port: UInt16 = 1313

    @Option(name: .long, help: "Address to listen on (0.0.0.0 or :: for every interface).")
    public var host: String = "127.0.0.1"

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between checks for edits.", valueName: "seconds"))
    public var pollInterval: Double = 0.25

    public init() {}

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-serve-\(getpid())")
        let site = LiveSite(root: root, output: output, asOf: asOf.asOf) { Terminal.writeError($0) }
        try site.buildAll()
        let stop = DispatchSemaphore(value: 0)
        let signals = ServeCommand.stopOnInterrupt(stop)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server: Channel
        do {
            server = try ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(SiteHTTPHandler(responder: SiteResponder(site: site)))
                    }
                }
                .bind(host: host, port: Int(port)).wait()
        } catch {
            try? group.syncShutdownGracefully()
            try? FileManager.default.removeItem(at: output)
            throw CLIError("cannot serve on \(host):\(port): \(error)")
        }
        Terminal.writeError("Serving \(root.path) at http://\(host == "0.0.0.0" ? "localhost" : host):\(port)/ (Ctrl-C stops)")
        let interval = pollInterval
        let watcher = Thread { ServeCommand.watch(root: root, site: site, interval: interval) }
        watcher.start()
        stop.wait()
        signals.cancel()
        try? server.close().wait()
        try? group.syncShutdownGracefully()
        try? FileManager.default.removeItem(at: output)
        Terminal.writeError("stopped")
    }

    /// Checks for edits every `interval` seconds and hands them to the site.
    static func watch(root: URL, site: LiveSite, interval: Double) {
        let watcher = SourceWatcher(root: root)
        var last = watcher.snapshot()
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = watcher.snapshot()
            let changes = watcher.changes(from: last, to: now)
            last = now
            if !changes.isEmpty { site.changed(changes.content, everything: changes.everything) }
        }
    }

    /// Ctrl-C and SIGTERM end the wait in `run` (which then removes the output folder).
    static func stopOnInterrupt(_ stop: DispatchSemaphore) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
        for source in [interrupt, terminate] {
            source.setEventHandler { stop.signal() }
            source.resume()
        }
        // SIGTERM's source lives as long as SIGINT's: both are cancelled together.
        interrupt.setCancelHandler { terminate.cancel() }
        return interrupt
    }
}
