import Foundation
import DebriefModel
import DebriefAnalytics

/// The postmortem page's incident timeline: an inline SVG strip with a marker per known
/// milestone and a bar per measured span (TTD, TTA, TTM, TTR), the stated figure beside the
/// measured one. No script.
///
/// Horizontal positions are percentages and heights pixels, with no `viewBox`: the strip takes
/// the column's width and its text keeps its CSS size, so it reads the same at 390 px as on a
/// desktop. Each milestone and each span has a row of its own, so labels never collide; a label
/// runs right of its point in the left half and left of it in the right half. Strokes, fills
/// and fonts come from the site's style sheet (`.timeline-strip` in style.css), so they follow
/// the theme and are not repeated on every element.
public enum TimelineStrip {
    /// A milestone as drawn: kind and time.
    public struct Point: Sendable, Equatable {
        public var kind: MilestoneKind
        public var time: Date
    }

    /// A response-time span: its short label, the milestones it runs between, measured and stated seconds.
    public struct Span: Sendable, Equatable {
        public var label: String
        public var name: String
        public var from: MilestoneKind
        public var to: MilestoneKind
        public var measured: Int?
        public var stated: Int?
    }

    static let milestoneRow = 22.0, spanRow = 32.0, axisY = 14.0

    /// The milestones the durations were measured from (those out of order left out), in time order.
    public static func points(_ postmortem: Postmortem, durations: IncidentDurations) -> [Point] {
        MilestoneKind.allCases.compactMap { kind in
            guard !durations.excludedMilestones.contains(kind), let milestone = postmortem.milestones[kind] else { return nil }
            return Point(kind: kind, time: milestone.time)
        }.sorted { $0.time < $1.time }
    }

    /// TTD, TTA, TTM, TTR with what is known of each.
    public static func spans(_ postmortem: Postmortem, durations: IncidentDurations) -> [Span] {
        let ends: [ResponseMetric: (MilestoneKind, MilestoneKind)] = [
            .mttd: (.started, .detected), .mtta: (.detected, .acknowledged), .mttm: (.started, .mitigated), .mttr: (.started, .resolved),
        ]
        return DurationText.fields.map { field in
            let (from, to) = ends[field.metric]!
            return Span(label: String(field.metric.label.dropFirst()), name: field.label, from: from, to: to,
                        measured: DurationText.seconds(durations, field.metric),
                        stated: postmortem.stated(field.stated).map { Int($0) })
        }
    }

    /// The strip's SVG, or "" when no milestone is known.
    public static func svg(points: [Point], spans: [Span], timezoneOffset: Int, timezoneName: String) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let range = last.time.timeIntervalSince(first.time)
        let xs = points.map { range > 0 ? $0.time.timeIntervalSince(first.time) / range * 100 : 0 }
        func x(_ kind: MilestoneKind) -> Double? { points.firstIndex { $0.kind == kind }.map { xs[$0] } }
        let clocks = points.map { Self.clock($0.time, offset: timezoneOffset) }
        // The date once, then again only where it changes (points are in time order).
        let clock = clocks.indices.map { index -> String in
            let full = clocks[index]
            let previous = points[..<index].lastIndex { $0.time < points[index].time }.map { clocks[$0] }
            return previous.map { $0.prefix(10) == full.prefix(10) } == true ? String(full.dropFirst(11)) : "\(full) \(timezoneName)"
        }
        let shown = spans.filter { $0.measured != nil || $0.stated != nil }
        let height = axisY + 8 + milestoneRow * Double(points.count) + spanRow * Double(shown.count) + 4
        let axis = format(axisY), guideEnd = format(height - 4)
        var body = Markup()
        body.reserveCapacity(1024 + 400 * (points.count + shown.count))
        // Guides from each marker down through the rows, then the axis and its markers on top.
        for px in xs {
            body += "<line class=\"guide\" x1=\"\(percent(px))\" x2=\"\(percent(px))\" y1=\"\(axis)\" y2=\"\(guideEnd)\"/>"
        }
        body += "<line class=\"axis\" x1=\"0%\" x2=\"100%\" y1=\"\(axis)\" y2=\"\(axis)\"/>"
        for (point, px) in zip(points, xs) {
            body += "<circle class=\"timeline-marker\" data-milestone=\"\(point.kind.rawValue)\" cx=\"\(percent(px))\" cy=\"\(axis)\" r=\"6\"/>"
        }
        var rowTop = axisY + 8
        for (index, point) in points.enumerated() {
            body += label("\(name(point.kind)) \(clock[index])", x: xs[index], y: rowTop + 15, bold: true)
            rowTop += milestoneRow
        }
        for span in shown {
            let text = spanText(span)
            if let measured = span.measured, let start = x(span.from), let end = x(span.to) {
                let width = max(end - start, 0.4)
                body += "<rect class=\"timeline-span\" data-span=\"\(span.label)\" x=\"\(percent(start))\" y=\"\(format(rowTop + 18))\" width=\"\(percent(width))\" height=\"10\" rx=\"2\"><title>\(SVGChart.escape(span.name)): \(DurationText.format(seconds: measured))</title></rect>"
                body += start <= 45 ? label(text, x: start, y: rowTop + 13, bold: false) : label(text, x: end, y: rowTop + 13, bold: false, forceEnd: true)
            } else {
                body += label(text, x: 0, y: rowTop + 13, bold: false)
            }
            rowTop += spanRow
        }
        var summary = "Incident timeline: " + points.indices.map { "\(name(points[$0].kind).lowercased()) \(clock[$0])" }.joined(separator: ", ")
        if !shown.isEmpty { summary += "; " + shown.map(spanText).joined(separator: ", ") }
        summary += "."
        let svg: Markup = "<svg class=\"timeline-strip\" role=\"img\" aria-label=\"\(SVGChart.escape(summary))\" width=\"100%\" height=\"\(format(height))\">\(body)</svg>"
        return svg.text
    }

    /// `TTD 8m (stated 10m)`, `TTA not measured (stated 5m)`.
    static func spanText(_ span: Span) -> String {
        let measured = span.measured.map(DurationText.format(seconds:)) ?? "not measured"
        return "\(span.label) \(measured)" + (span.stated.map { " (stated \(DurationText.format(seconds: $0)))" } ?? "")
    }

    static func name(_ kind: MilestoneKind) -> String {
        kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }

    /// Text beside a point: to its right in the left part of the strip, else to its left.
    static func label(_ text: String, x: Double, y: Double, bold: Bool, forceEnd: Bool = false) -> Markup {
        let end = forceEnd || x > 45
        return "<text x=\"\(percent(x))\" dx=\"\(end ? "-8" : "8")\" y=\"\(format(y))\" text-anchor=\"\(end ? "end" : "start")\"\(bold ? " class=\"milestone\"" : "")>\(SVGChart.escape(text))</text>"
    }

    /// `2025-05-03 14:02` in the postmortem's own timezone.
    static func clock(_ date: Date, offset: Int) -> String {
        var seconds = time_t((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    static func percent(_ value: Double) -> String { SVGChart.format(value) + "%" }
    static func format(_ value: Double) -> String { SVGChart.format(value) }
}
