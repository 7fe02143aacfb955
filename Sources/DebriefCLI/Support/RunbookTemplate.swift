import DebriefModel

/// The text of `debrief new runbook`, YAML (the seed schema) or markdown, with placeholders
/// (`[...]`, `TBD`) where the author must write.
struct RunbookTemplate {
    var name: String
    var service: String?
    var owner: String?
    var alerts: [String]
    /// Written as `last_reviewed`: a new runbook is reviewed the day it is written.
    var reviewed: Day

    var yaml: String {
        """
        # Runbook: fill in every TBD and [bracketed] placeholder, then run `debrief check`.
        metadata:
          title: \(TemplateWriter.quoted(name))
          service: \(service.map(TemplateWriter.quoted) ?? "TBD")
          severity: TBD
          owner: \(owner.map(TemplateWriter.quoted) ?? "TBD")
          alert_names: \(TemplateWriter.list(alerts))
          impact: "[What users see while this alert fires]"
          last_reviewed: \(reviewed)
        diagnosis:
          - step: "[First thing to check]"
            command: "[Command or query to run]"
            expected: "[What a healthy result looks like, and what to do if it is not]"
        mitigation:
          - option: "[A way to stop the user impact, e.g. roll back the last deployment]"
            when: "[When this option applies]"
            command: "[Command to run]"
            verify: "[How to tell that it worked]"
        recovery:
          - "[Step back to normal operation, e.g. confirm the error rate is at baseline for 15 minutes]"

        """
    }

    var markdown: String {
        """
        ---
        owner: \(owner.map(TemplateWriter.quoted) ?? "TBD")
        service: \(service.map(TemplateWriter.quoted) ?? "TBD")
        alert_names: \(TemplateWriter.list(alerts))
        last_reviewed: \(reviewed)
        ---

        # \(TemplateWriter.oneLine(name))

        ## Meaning

        [What this alert measures and the threshold that fires it]

        ## Impact

        [What users see while this alert fires]

        ## Diagnosis

        1. [First thing to check]: `[command to run]`

        ## Mitigation

        ### [A way to stop the user impact, e.g. roll back the last deployment]

        When: [When this option applies]

        ```sh
        [command to run]
        ```

        Verify: [How to tell that it worked]

        ## Escalation

        [Who to page when the mitigations do not work, and how]

        ## Related Runbooks

        - [Link to a related runbook, or write "None"]

        """
    }
}
