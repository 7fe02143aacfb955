import DebriefModel

/// `feed.xml`: an Atom feed of postmortems, newest first, with absolute URLs from the base URL.
/// `updated` is the newest incident date, never the build time, so the feed is reproducible.
public struct AtomFeed: PageGenerator {
    public static let entryLimit = 50

    public init() {}

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let base = model.baseURL
        let newest = model.incidents.compactMap(\.postmortem.date).max() ?? model.today
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(AtomFeed.escape(model.config.title))</title>
          <id>\(AtomFeed.escape(base))</id>
          <link href="\(AtomFeed.escape(base))"/>
          <link rel="self" href="\(AtomFeed.escape(base + "feed.xml"))"/>
          <updated>\(newest)T00:00:00Z</updated>
          <generator>Debrief</generator>

        """
        for incident in model.incidents.prefix(AtomFeed.entryLimit) {
            let postmortem = incident.postmortem
            let url = base + APIExports.prettyURL(SitePaths.postmortem(incident.slug))
            let summary = postmortem.section(.summary)?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let facts = [postmortem.severity, postmortem.status, postmortem.services.isEmpty ? nil : postmortem.services.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: " · ")
            xml += """
              <entry>
                <title>\(AtomFeed.escape(incident.title))</title>
                <id>\(AtomFeed.escape(url))</id>
                <link href="\(AtomFeed.escape(url))"/>
                <updated>\((postmortem.date ?? newest).description)T00:00:00Z</updated>

            """
            for author in postmortem.authors.isEmpty ? ["Unknown"] : postmortem.authors {
                xml += "    <author><name>\(AtomFeed.escape(author))</name></author>\n"
            }
            for category in (postmortem.severity.map { [$0] } ?? []) + postmortem.services + postmortem.tags {
                xml += "    <category term=\"\(AtomFeed.escape(category))\"/>\n"
            }
            let text = [facts, summary].filter { !$0.isEmpty }.joined(separator: "\n\n")
            if !text.isEmpty { xml += "    <summary>\(AtomFeed.escape(text))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return [RenderedPage(path: "feed.xml", text: xml)]
    }

    static func escape(_ text: String) -> String { Escaping.xml(text) }
}
