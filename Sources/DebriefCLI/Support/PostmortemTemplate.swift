import DebriefModel

/// The text of `debrief new postmortem`: front matter plus every section the seeds use, with
/// placeholders (`[...]`, `TBD`, `YYYY-MM-DD`, `HH:MM`) exactly where the author must write.
struct PostmortemTemplate {
    var title: String
    var date: Day
    /// A configured level name, or nil for TBD.
    var severity: String?
    var services: [String]

    var text: String {
        """
        ---
        title: \(TemplateWriter.quoted(title))
        date: \(date)
        severity: \(severity ?? "TBD")
        status: draft
        services: \(TemplateWriter.list(services))
        tags: []
        authors: [TBD]
        incident_commander: TBD
        alerts: []
        related: []
        ---

        # \(TemplateWriter.oneLine(title))

        ## Summary

        [Summarise what happened, who was affected and how it was resolved, in two or three sentences]

        ## Impact

        - Users affected: [Number or share of users]
        - Duration of user impact: [X hours Y minutes]
        - Revenue or SLO impact: [Estimate, or write none]

        ## Timeline

        All times in UTC.

        | Time | Event |
        |------|-------|
        | HH:MM | [Impact began: the first sign of the problem] |
        | HH:MM | [Alert fired or the problem was reported] |
        | HH:MM | [On-call acknowledged] |
        | HH:MM | [Mitigation applied: impact ended] |
        | HH:MM | [Incident resolved] |

        ## Root Cause

        [Describe the technical root cause]

        ## Contributing Factors

        - [A condition that made the incident more likely, longer or worse]

        ## What Went Well

        - [Something that shortened or contained the incident]

        ## What Went Wrong

        - [Something that lengthened or worsened the incident]

        ## Where We Got Lucky

        - [Something that could have made it worse but did not]

        ## Action Items

        | Action | Owner | Due | Status |
        |--------|-------|-----|--------|
        | [Action that prevents a recurrence] | TBD | YYYY-MM-DD | Open |
        | [Action that speeds up detection or mitigation] | TBD | YYYY-MM-DD | Open |

        ## Related Incidents

        - [Earlier incidents like this one, also listed under related above, or write None known]

        """
    }
}
