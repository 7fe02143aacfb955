/// A long list split into pages of `pageSize` items, laid out as Hugo lays out its pagers:
/// page 1 at the list's own path (`postmortems/index.html`), page n at
/// `postmortems/page/n/index.html`. No page's size then grows with the knowledge base.
public struct Pagination: Sendable, Equatable {
    /// Rows per page: a screenful or two, the size people scan before they filter.
    public static let defaultPageSize = 50

    /// Path of page 1, ending in `index.html`.
    public let firstPath: String
    public let itemCount: Int
    public let pageSize: Int

    public init(firstPath: String, itemCount: Int, pageSize: Int = Pagination.defaultPageSize) {
        precondition(firstPath.hasSuffix("index.html") && pageSize > 0)
        self.firstPath = firstPath
        self.itemCount = itemCount
        self.pageSize = pageSize
    }

    /// At least 1: an empty list still has its page, which says so.
    public var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// The pages, 1-based.
    public var pages: Range<Int> { 1..<(pageCount + 1) }

    /// Where page `number` is written.
    public func path(ofPage number: Int) -> String {
        number == 1 ? firstPath : String(firstPath.dropLast("index.html".count)) + "page/\(number)/index.html"
    }

    /// Positions of the items page `number` lists.
    public func items(ofPage number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }

    /// A page title that says which page it is: `All postmortems (page 2 of 40)`.
    public func title(_ title: String, page number: Int) -> String {
        number == 1 ? title : "\(title) (page \(number) of \(pageCount))"
    }

    /// The `pager` value of page `number` (docs/layouts.md): null when everything fits on one
    /// page, so `{{#pager}}` shows nothing then.
    public func pager(page number: Int, root: String) -> TemplateValue {
        guard pageCount > 1 else { return .null }
        let range = items(ofPage: number)
        func url(_ page: Int) -> String { root + path(ofPage: page) }
        var links: [TemplateValue] = []
        var previous = 0
        for page in shownNumbers(around: number) {
            // Gaps and pages have the same names, so that a layout can name any of them in either.
            if page > previous + 1 { links.append(.object(["gap": .bool(true), "number": .null, "url": .null, "current": .null])) }
            links.append(.object(["gap": .bool(false), "number": .int(page), "url": .string(url(page)), "current": .bool(page == number)]))
            previous = page
        }
        return .object([
            "page": .int(number), "page_count": .int(pageCount),
            "first_item": .string(CountText.number(range.lowerBound + 1)),
            "last_item": .string(CountText.number(range.upperBound)),
            "total": .string(CountText.number(itemCount)),
            "previous_url": number > 1 ? .string(url(number - 1)) : .null,
            "next_url": number < pageCount ? .string(url(number + 1)) : .null,
            "pages": .list(links),
        ])
    }

    /// The first and last pages and two either side of the current one: a pager of 200 pages
    /// stays one line.
    public func shownNumbers(around number: Int) -> [Int] {
        Set([1, pageCount] + ((number - 2)...(number + 2)).filter(pages.contains)).sorted()
    }
}
