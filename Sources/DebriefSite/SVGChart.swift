import Foundation

/// Inline SVG bar charts for the Trends page: no script, colours from the theme's CSS variables
/// (so light and dark both read), text in `currentColor`, and an accessible name and description
/// (`role="img"`, `<title>`, `<desc>`, `aria-labelledby`). Each chart is followed on the page by
/// a table of the same numbers, so the chart never carries information alone.
public enum SVGChart {
    /// One coloured series of values, nil where there is nothing to draw.
    public struct Series: Sendable {
        public var name: String
        /// A CSS colour, normally `var(--something)` from the theme.
        public var color: String
        public var values: [Double?]

        public init(name: String, color: String, values: [Double?]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    public enum Layout: Sendable { case stacked, grouped }

    static let width = 720.0
    static let plotTop = 28.0, plotBottom = 244.0, plotLeft = 56.0, plotRight = 704.0

    /// Vertical bars, one column per category, series stacked or side by side.
    public static func columns(id: String, title: String, description: String, categories: [String], series: [Series],
                               layout: Layout, unit: String = "", wholeNumbers: Bool = false) -> String {
        let totals = categories.indices.map { index in
            layout == .stacked ? series.reduce(0) { $0 + ($1.values[safe: index].flatMap { $0 } ?? 0) }
                : series.compactMap { $0.values[safe: index].flatMap { $0 } }.max() ?? 0
        }
        // Counts get whole-number grid lines (0, 1, 2, 3, 4), not 0.25 steps.
        let top = wholeNumbers ? max(4, ((totals.max() ?? 0) / 4).rounded(.up) * 4) : niceCeiling(totals.max() ?? 0)
        let height = plotBottom + 56
        var body = axis(top: top, unit: unit)
        let slot = (plotRight - plotLeft) / Double(max(categories.count, 1))
        let barWidth = layout == .stacked ? slot * 0.7 : slot * 0.8 / Double(max(series.count, 1))
        let labelEvery = max(1, Int((Double(categories.count) / 12).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let x0 = plotLeft + slot * Double(index) + (layout == .stacked ? slot * 0.15 : slot * 0.1)
            var stackBase = 0.0
            for (seriesIndex, item) in series.enumerated() {
                guard let value = item.values[safe: index].flatMap({ $0 }), value > 0 else { continue }
                let base = layout == .stacked ? stackBase : 0
                let x = layout == .stacked ? x0 : x0 + barWidth * Double(seriesIndex)
                let yTop = y(base + value, top: top), yBase = y(base, top: top)
                body += rect(x: x, y: yTop, width: barWidth, height: yBase - yTop, color: item.color,
                             label: "\(category), \(item.name): \(quantity(value, unit))")
                stackBase += value
            }
            if index % labelEvery == 0 {
                body += text(category, x: plotLeft + slot * (Double(index) + 0.5), y: plotBottom + 16, anchor: "middle")
            }
        }
        body += legend(series, y: plotBottom + 40)
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    /// Horizontal bars, one row per label, largest first as given.
    public static func rows(id: String, title: String, description: String, items: [(label: String, value: Double)], color: String) -> String {
        let rowHeight = 26.0, labelWidth = 200.0, top = 8.0
        let maximum = items.map(\.value).max() ?? 0
        let usable = width - labelWidth - 56
        var body = ""
        for (index, item) in items.enumerated() {
            let yRow = top + rowHeight * Double(index)
            let length = maximum > 0 ? usable * item.value / maximum : 0
            body += text(item.label, x: labelWidth - 8, y: yRow + 17, anchor: "end")
            body += rect(x: labelWidth, y: yRow + 4, width: length, height: rowHeight - 8, color: color, label: "\(item.label): \(format(item.value))")
            body += text(format(item.value), x: labelWidth + length + 6, y: yRow + 17, anchor: "start")
        }
        return svg(id: id, title: title, description: description, height: top * 2 + rowHeight * Double(max(items.count, 1)), body: body)
    }

    // MARK: - Pieces

    static func svg(id: String, title: String, description: String, height: Double, body: String) -> String {
        """
        <svg class="chart" id="\(escape(id))" role="img" aria-labelledby="\(escape(id))-title \(escape(id))-desc" \
        viewBox="0 0 \(format(width)) \(format(height))" width="100%" preserveAspectRatio="xMinYMin meet" \
        style="max-width: \(format(width))px; height: auto; color: var(--fg, currentColor)" font-size="12" \
        font-family="system-ui, sans-serif"><title id="\(escape(id))-title">\(escape(title))</title>\
        <desc id="\(escape(id))-desc">\(escape(description))</desc>\(body)</svg>
        """
    }

    /// `3 incidents`, `1 incident`: the axis unit is plural; one of it is not.
    static func quantity(_ value: Double, _ unit: String) -> String {
        guard !unit.isEmpty else { return format(value) }
        return format(value) + " " + (value == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit)
    }

    static func axis(top: Double, unit: String) -> String {
        var out = ""
        for step in 0...4 {
            let value = top * Double(step) / 4
            let yLine = y(value, top: top)
            out += "<line x1=\"\(format(plotLeft))\" x2=\"\(format(plotRight))\" y1=\"\(format(yLine))\" y2=\"\(format(yLine))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"\(step == 0 ? "0.6" : "0.15")\"/>"
            out += text(format(value), x: plotLeft - 6, y: yLine + 4, anchor: "end")
        }
        if !unit.isEmpty { out += text(unit, x: 4, y: plotTop - 14, anchor: "start") }
        return out
    }

    static func legend(_ series: [Series], y: Double) -> String {
        var out = ""
        var x = plotLeft
        for item in series {
            out += "<rect x=\"\(format(x))\" y=\"\(format(y - 10))\" width=\"12\" height=\"12\" style=\"fill: \(escape(item.color))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"0.4\"/>"
            out += text(item.name, x: x + 16, y: y, anchor: "start")
            x += 24 + Double(item.name.count) * 7.5
        }
        return out
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, color: String, label: String) -> String {
        "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(width))\" height=\"\(format(max(height, 0)))\" "
            + "style=\"fill: \(escape(color))\" stroke=\"currentColor\" stroke-opacity=\"0.35\"><title>\(escape(label))</title></rect>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" fill=\"currentColor\">\(escape(content))</text>"
    }

    static func y(_ value: Double, top: Double) -> Double {
        top > 0 ? plotBottom - (plotBottom - plotTop) * value / top : plotBottom
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `value` (and at least 1), so grid lines fall on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 1 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value {
            return factor * power
        }
        return 10 * power
    }

    /// Whole numbers without decimals, others with one; the same input always gives the same text.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
