import Testing
import DebriefModel

/// Which runbook alert names a postmortem's timeline mentions (the site links those runbooks).
@Suite struct AlertMatcherTests {
    @Test func findsEveryNameThatOccursIncludingNamesInsideLongerOnes() {
        let matcher = AlertMatcher(alerts: ["higherrorrate", "higherrorrate17", "highlatency", "diskfull", "x", "ünicode-alert"])
        let found = matcher.alerts(in: "14:02 alert higherrorrate17 fired; then x. ünicode-alert too")
        #expect(found == ["higherrorrate", "higherrorrate17", "x", "ünicode-alert"])
        #expect(matcher.alerts(in: "nothing here but highlatenc") == [])
        #expect(matcher.alerts(in: "") == [])
    }

    @Test func manyNamesSharingAPrefixAreAllFound() {
        // The shape that made the two-byte-prefix index quadratic: thousands of numbered names.
        let names = (0..<3_000).map { "higherrorrate\($0)" }
        let matcher = AlertMatcher(alerts: names)
        let found = matcher.alerts(in: "higherrorrate42 and higherrorrate2999 fired")
        #expect(found == ["higherrorrate4", "higherrorrate42", "higherrorrate2", "higherrorrate29", "higherrorrate299", "higherrorrate2999"])
    }
}
