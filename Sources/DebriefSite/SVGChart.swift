import Foundation
import DebriefModel

/// Inline SVG bar charts for the Trends page: no script, colours from the theme's CSS variables
/// (so light and dark both read), text in `currentColor`, and an accessible name and description
/// (`role="img"`, `<title>`, `<desc>`, `aria-labelledby`). Each chart is followed on the page by
/// a table of the same numbers, so the chart never carries information alone. Drawn twice,
/// wide and narrow (`Frame`), so that its text is legible at either size.
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

    /// A drawing size. Every chart is drawn twice, wide and narrow, and the theme shows one
    /// (`.chart-wide` from 48rem, `.chart-narrow` below): an SVG scales its text with its
    /// width, so one drawing cannot be legible both in a 1,100 px column and on a 390 px phone.
    struct Frame: Sendable {
        var width: Double, plotLeft: Double, plotRight: Double, plotTop: Double, plotBottom: Double
        /// Text size in drawing units: about 15 px in a desktop column, 12 px on a phone.
        var fontSize: Double
        /// At most this many category labels under the columns.
        var maxLabels: Int
        /// Horizontal bars: labels beside the bars (wide) or above them (narrow).
        var labelWidth: Double
        var suffix: String, className: String

        static let wide = Frame(width: 960, plotLeft: 64, plotRight: 944, plotTop: 34, plotBottom: 300, fontSize: 15,
                                maxLabels: 12, labelWidth: 240, suffix: "", className: "chart-wide")
        static let narrow = Frame(width: 360, plotLeft: 40, plotRight: 352, plotTop: 28, plotBottom: 220, fontSize: 12,
                                  maxLabels: 4, labelWidth: 0, suffix: "-narrow", className: "chart-narrow")
        /// A character's rough width, for laying out legends.
        var charWidth: Double { fontSize * 0.6 }
    }

    /// Vertical bars, one column per category, series stacked or side by side; wide and narrow drawings.
    public static func columns(id: String, title: String, description: String, categories: [String], series: [Series],
                               layout: Layout, unit: String = "", wholeNumbers: Bool = false) -> String {
        [Frame.wide, Frame.narrow].map {
            columns(in: $0, id: id, title: title, description: description, categories: categories, series: series,
                    layout: layout, unit: unit, wholeNumbers: wholeNumbers)
        }.joined()
    }

    static func columns(in frame: Frame, id: String, title: String, description: String, categories: [String], series: [Series],
                        layout: Layout, unit: String, wholeNumbers: Bool) -> String {
        let totals = categories.indices.map { index in
            layout == .stacked ? series.reduce(0) { $0 + ($1.values[safe: index].flatMap { $0 } ?? 0) }
                : series.compactMap { $0.values[safe: index].flatMap { $0 } }.max() ?? 0
        }
        let ticks = axisTicks(maximum: totals.max() ?? 0, wholeNumbers: wholeNumbers)
        let top = ticks.last ?? 1
        var body = axis(ticks, unit: unit, frame: frame)
        let slot = (frame.plotRight - frame.plotLeft) / Double(max(categories.count, 1))
        let barWidth = layout == .stacked ? slot * 0.7 : slot * 0.8 / Double(max(series.count, 1))
        let labelEvery = max(1, Int((Double(categories.count) / Double(frame.maxLabels)).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let x0 = frame.plotLeft + slot * Double(index) + (layout == .stacked ? slot * 0.15 : slot * 0.1)
            var stackBase = 0.0
            for (seriesIndex, item) in series.enumerated() {
                guard let value = item.values[safe: index].flatMap({ $0 }), value > 0 else { continue }
                let base = layout == .stacked ? stackBase : 0
                let x = layout == .stacked ? x0 : x0 + barWidth * Double(seriesIndex)
                let yTop = y(base + value, top: top, frame: frame), yBase = y(base, top: top, frame: frame)
                body += rect(x: x, y: yTop, width: barWidth, height: yBase - yTop, color: item.color,
                             label: "\(category), \(item.name): \(quantity(value, unit))")
                stackBase += value
            }
            if index % labelEvery == 0 {
                // Kept inside the drawing: the last month's label must not be cut at the right edge.
                let half = Double(category.count) * frame.charWidth / 2
                let x = min(max(frame.plotLeft + slot * (Double(index) + 0.5), half), frame.width - half)
                body += text(category, x: x, y: frame.plotBottom + frame.fontSize + 6, anchor: "middle")
            }
        }
        let (legendBody, legendHeight) = legend(series, top: frame.plotBottom + frame.fontSize * 2 + 16, frame: frame)
        body += legendBody
        return svg(id: id, title: title, description: description, height: frame.plotBottom + frame.fontSize * 2 + 16 + legendHeight,
                   body: body, frame: frame)
    }

    /// Horizontal bars, one row per label, largest first as given; wide and narrow drawings.
    public static func rows(id: String, title: String, description: String, items: [(label: String, value: Double)], color: String) -> String {
        [Frame.wide, Frame.narrow].map { rows(in: $0, id: id, title: title, description: description, items: items, color: color) }.joined()
    }

    static func rows(in frame: Frame, id: String, title: String, description: String, items: [(label: String, value: Double)], color: String) -> String {
        // Wide: the label left of its bar. Narrow: the label on a line above its bar, so a long
        // service name does not squeeze the bars.
        let beside = frame.labelWidth > 0
        let barHeight = frame.fontSize, gap = frame.fontSize * 0.8
        let rowHeight = beside ? barHeight + gap : frame.fontSize + 4 + barHeight + gap
        let top = 6.0
        let maximum = items.map(\.value).max() ?? 0
        let valueRoom = frame.charWidth * 7
        let usable = frame.width - frame.labelWidth - valueRoom
        var body = ""
        for (index, item) in items.enumerated() {
            let yRow = top + rowHeight * Double(index)
            let length = maximum > 0 ? usable * item.value / maximum : 0
            let barY = beside ? yRow : yRow + frame.fontSize + 4
            if beside {
                body += text(truncated(item.label, toWidth: frame.labelWidth - 10, frame: frame), x: frame.labelWidth - 10,
                             y: barY + barHeight * 0.85, anchor: "end")
            } else {
                body += text(truncated(item.label, toWidth: frame.width, frame: frame), x: 0, y: yRow + frame.fontSize, anchor: "start")
            }
            body += rect(x: frame.labelWidth, y: barY, width: length, height: barHeight, color: color, label: "\(item.label): \(number(item.value))")
            body += text(number(item.value), x: frame.labelWidth + length + 6, y: barY + barHeight * 0.85, anchor: "start")
        }
        return svg(id: id, title: title, description: description, height: top * 2 + rowHeight * Double(max(items.count, 1)),
                   body: body, frame: frame)
    }

    // MARK: - Pieces

    static func svg(id: String, title: String, description: String, height: Double, body: String, frame: Frame) -> String {
        let id = id + frame.suffix
        return """
        <svg class="chart \(frame.className)" id="\(escape(id))" role="img" aria-labelledby="\(escape(id))-title \(escape(id))-desc" \
        viewBox="0 0 \(format(frame.width)) \(format(height))" width="100%" preserveAspectRatio="xMinYMin meet" \
        style="color: var(--fg, currentColor)" font-size="\(format(frame.fontSize))" \
        font-family="system-ui, sans-serif"><title id="\(escape(id))-title">\(escape(title))</title>\
        <desc id="\(escape(id))-desc">\(escape(description))</desc>\(body)</svg>
        """
    }

    /// `3 incidents`, `1 incident`: the axis unit is plural; one of it is not.
    static func quantity(_ value: Double, _ unit: String) -> String {
        guard !unit.isEmpty else { return number(value) }
        return number(value) + " " + (value == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : unit)
    }

    static func axis(_ ticks: [Double], unit: String, frame: Frame) -> String {
        var out = ""
        let top = ticks.last ?? 1
        for (index, value) in ticks.enumerated() {
            let yLine = y(value, top: top, frame: frame)
            out += "<line x1=\"\(format(frame.plotLeft))\" x2=\"\(format(frame.plotRight))\" y1=\"\(format(yLine))\" y2=\"\(format(yLine))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"\(index == 0 ? "0.6" : "0.15")\"/>"
            out += text(number(value), x: frame.plotLeft - 6, y: yLine + frame.fontSize * 0.35, anchor: "end")
        }
        if !unit.isEmpty { out += text(unit, x: 2, y: frame.plotTop - frame.fontSize, anchor: "start") }
        return out
    }

    /// Swatch and name per series, wrapping onto more lines when the drawing is narrow; the body and its height.
    static func legend(_ series: [Series], top: Double, frame: Frame) -> (String, Double) {
        var out = ""
        var x = frame.plotLeft, line = 0
        let lineHeight = frame.fontSize + 8
        for item in series {
            let itemWidth = frame.fontSize * 1.5 + Double(item.name.count) * frame.charWidth + frame.fontSize
            if x + itemWidth > frame.width, x > frame.plotLeft { x = frame.plotLeft; line += 1 }
            let baseline = top + lineHeight * Double(line)
            out += "<rect x=\"\(format(x))\" y=\"\(format(baseline - frame.fontSize * 0.85))\" width=\"\(format(frame.fontSize))\" height=\"\(format(frame.fontSize))\" "
                + "style=\"fill: \(escape(item.color))\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>"
            out += text(item.name, x: x + frame.fontSize * 1.35, y: baseline, anchor: "start")
            x += itemWidth
        }
        return (out, lineHeight * Double(line + 1))
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, color: String, label: String) -> String {
        "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(width))\" height=\"\(format(max(height, 0)))\" "
            + "style=\"fill: \(escape(color))\" stroke=\"currentColor\" stroke-opacity=\"0.35\"><title>\(escape(label))</title></rect>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" fill=\"currentColor\">\(escape(content))</text>"
    }

    /// A label cut with an ellipsis to fit `width` drawing units (the bar's tooltip has it whole).
    static func truncated(_ label: String, toWidth width: Double, frame: Frame) -> String {
        let fits = Int(width / frame.charWidth)
        return label.count <= fits ? label : String(label.prefix(max(1, fits - 1))) + "…"
    }

    static func y(_ value: Double, top: Double, frame: Frame) -> Double {
        top > 0 ? frame.plotBottom - (frame.plotBottom - frame.plotTop) * value / top : frame.plotBottom
    }

    /// Grid values from 0 in steps of 1, 2 or 5 times a power of ten (never 37, 74, 111), about
    /// `count` steps, the last at or above `maximum`. Counts step by whole numbers.
    static func axisTicks(maximum: Double, wholeNumbers: Bool, count: Int = 5) -> [Double] {
        let step = max(niceStep(max(maximum, 0) / Double(count)), wholeNumbers ? 1 : 0.1)
        let steps = max(1, Int((maximum / step - 1e-9).rounded(.up)))
        return (0...steps).map { Double($0) * step }
    }

    /// The smallest of 1, 2 or 5 times a power of ten that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 5] where factor * power >= raw * (1 - 1e-9) {
            return factor * power
        }
        return 10 * power
    }

    /// A value as text on the chart: `format`, with thousands separators (`10,000`).
    static func number(_ value: Double) -> String {
        let text = format(value)
        guard abs(value) >= 1000, let whole = Int(text) else { return text }
        return CountText.number(whole)
    }

    /// Whole numbers without decimals, others with one; the same input always gives the same text.
    static func format(_ value: Double) -> String {
        // Tenths as an integer: `String(format:)` goes through Foundation's formatter.
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return tenths % 10 == 0 ? String(tenths / 10) : "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    static func escape(_ text: String) -> String {
        Escaping.xml(text)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
