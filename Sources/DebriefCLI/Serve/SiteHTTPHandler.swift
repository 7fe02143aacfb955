import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection of `debrief serve`: GET and HEAD answered by `SiteResponder`,
/// anything else 405. Every answer is `no-store`, so a reload always shows the current site.
final class SiteHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: SiteResponder
    private var request: HTTPRequestHead?

    init(responder: SiteResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
        let response = head.method == .GET || head.method == .HEAD
            ? responder.response(for: path)
            : SiteResponse(status: 405, contentType: "text/plain", body: Array("only GET and HEAD\n".utf8))
        var headers = HTTPHeaders([("Content-Type", response.contentType), ("Cache-Control", "no-store"),
                                   ("Content-Length", String(response.body.count))])
        headers.add(name: "Connection", value: head.isKeepAlive ? "keep-alive" : "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                                              headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let keepAlive = head.isKeepAlive
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
